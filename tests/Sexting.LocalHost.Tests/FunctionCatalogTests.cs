using Microsoft.Azure.Functions.Worker;
using Sexting.LocalHost.Functions;
using Sexting.LocalHost.Tests.Samples;

namespace Sexting.LocalHost.Tests;

public sealed class FunctionCatalogTests
{
    [Fact]
    public void Discover_SampleTypes_ReadsEachTriggerAttribute()
    {
        var catalog = FunctionCatalog.Discover(SampleTypes.All);

        var hello = catalog.Functions.Single(f => f.Name == "SampleHello");
        Assert.Equal(FunctionKind.Http, hello.Kind);
        Assert.Equal("/api/samples/{sampleId}", hello.RoutePattern);
        Assert.Equal(["GET", "POST"], hello.HttpMethods);
        Assert.Equal(AuthorizationLevel.Anonymous, hello.AuthLevel);

        var secret = catalog.Functions.Single(f => f.Name == "SampleSecret");
        Assert.Equal("/api/SampleSecret", secret.RoutePattern);
        Assert.Equal(AuthorizationLevel.Function, secret.AuthLevel);

        Assert.Equal(FunctionKind.Orchestrator, catalog.Functions.Single(f => f.Name == nameof(SampleOrchestration)).Kind);
        Assert.Equal(FunctionKind.Activity, catalog.Functions.Single(f => f.Name == nameof(SampleActivity)).Kind);
        var timer = catalog.Functions.Single(f => f.Name == "SampleTimer");
        Assert.Equal(FunctionKind.Timer, timer.Kind);
        Assert.Equal("%Sample:Schedule%", timer.Schedule);
        Assert.Equal(6, catalog.Functions.Count);
    }

    [Fact]
    public void Discover_UnknownTrigger_ThrowsNamingTheFunction()
    {
        var ex = Assert.Throws<NotSupportedException>(() => FunctionCatalog.Discover([typeof(UnsupportedFunction)]));

        Assert.Contains("SampleUnsupported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Discover_FunctionsAssembly_FindsItsFunctions()
    {
        var catalog = FunctionCatalog.Discover([typeof(Sexting.Functions.Intake.ReferralIntakeHttp).Assembly]);

        Assert.Contains(catalog.Functions, f => f.Name == "SubmitReferral" && f.Kind == FunctionKind.Http);
        Assert.Contains(catalog.Functions, f => f.Name == "ReviewRemindersTimer" && f.Kind == FunctionKind.Timer);
    }
}
