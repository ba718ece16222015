using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sexting.LocalHost.Functions;
using Sexting.LocalHost.Tests.Samples;
using Sexting.LocalHost.Timers;

namespace Sexting.LocalHost.Tests;

/// <summary>
/// The local host must expose exactly what the Functions app defines: expected sets are read here,
/// independently, from the Functions assembly's attributes; actual sets from what the built host registered.
/// </summary>
public sealed class ParityTests
{
    private static readonly Assembly FunctionsAssembly = typeof(Sexting.Functions.Intake.ReferralIntakeHttp).Assembly;

    [Fact]
    public async Task Build_FunctionsAssembly_RegistersExactlyItsFunctions()
    {
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], FunctionCatalog.Discover([FunctionsAssembly]));

        var expected = Expected(FunctionsAssembly.GetTypes());
        var actual = Registered(app);

        Assert.Equal(expected.Http, actual.Http);
        Assert.Equal(expected.Orchestrators, actual.Orchestrators);
        Assert.Equal(expected.Activities, actual.Activities);
        Assert.Equal(expected.Timers, actual.Timers);
        Assert.NotEmpty(actual.Http);
    }

    [Fact]
    public async Task Build_SampleTypes_RegistersEachKind()
    {
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0", "--Sample:Schedule", "* * * * * *"], FunctionCatalog.Discover(SampleTypes.All));

        var expected = Expected(SampleTypes.All);
        var actual = Registered(app);

        Assert.Equal(expected.Http, actual.Http);
        Assert.Equal(["SampleOrchestration"], actual.Orchestrators);
        Assert.Equal(["SampleActivity"], actual.Activities);
        Assert.Equal(["SampleTimer"], actual.Timers);
        Assert.Equal(expected.Orchestrators, actual.Orchestrators);
        Assert.Equal(expected.Activities, actual.Activities);
        Assert.Equal(expected.Timers, actual.Timers);
    }

    [Fact]
    public async Task Build_HostWithAFunctionTheAppLacks_ParityDiffers()
    {
        // What a function added to one host and not the other looks like: the comparison must see it.
        var types = FunctionsAssembly.GetTypes().Append(typeof(SampleSecureHttp)).Append(typeof(SampleActivity));
        await using var app = LocalHostApp.Build(["--urls", "http://127.0.0.1:0"], FunctionCatalog.Discover(types));

        var expected = Expected(FunctionsAssembly.GetTypes());
        var actual = Registered(app);

        Assert.NotEqual(expected.Http, actual.Http);
        Assert.NotEqual(expected.Activities, actual.Activities);
    }

    private sealed record Surface(SortedSet<string> Http, SortedSet<string> Orchestrators, SortedSet<string> Activities, SortedSet<string> Timers);

    private static Surface Expected(IEnumerable<Type> types)
    {
        var surface = new Surface([], [], [], []);
        foreach (var method in types.SelectMany(t => t.GetMethods()).Where(m => m.DeclaringType is not null))
        {
            var name = method.GetCustomAttribute<FunctionAttribute>()?.Name;
            if (name is null)
            {
                continue;
            }

            foreach (var parameter in method.GetParameters())
            {
                if (parameter.GetCustomAttribute<HttpTriggerAttribute>() is { } http)
                {
                    var methods = http.Methods is { Length: > 0 } m ? string.Join(",", m.Select(x => x.ToUpperInvariant()).Order()) : "*";
                    surface.Http.Add($"{methods} /api/{http.Route ?? name} {http.AuthLevel}");
                }
                else if (parameter.GetCustomAttribute<OrchestrationTriggerAttribute>() is not null)
                {
                    surface.Orchestrators.Add(name);
                }
                else if (parameter.GetCustomAttribute<ActivityTriggerAttribute>() is not null)
                {
                    surface.Activities.Add(name);
                }
                else if (parameter.GetCustomAttribute<TimerTriggerAttribute>() is not null)
                {
                    surface.Timers.Add(name);
                }
            }
        }

        return surface;
    }

    private static Surface Registered(WebApplication app)
    {
        // /.auth/* is the platform's (App Service Authentication in Azure, the development sign-in
        // here), not the app's: it is no function of either host.
        var endpoints = ((IEndpointRouteBuilder)app).DataSources.SelectMany(d => d.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/.auth/", StringComparison.Ordinal) != true);
        var http = new SortedSet<string>(endpoints.Select(e =>
        {
            var methods = e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods is { Count: > 0 } m ? string.Join(",", m.Order()) : "*";
            var auth = e.Metadata.GetMetadata<HostedFunction>()?.AuthLevel.ToString() ?? "none";
            return $"{methods} {e.RoutePattern.RawText} {auth}";
        }));

        var registry = app.Services.GetRequiredService<IOptionsMonitor<DurableTaskRegistry>>().Get(Options.DefaultName);
        var timers = app.Services.GetRequiredService<TimerFunctionService>().Timers.Select(t => t.Function.Name);
        return new Surface(
            http,
            new SortedSet<string>(registry.GetOrchestrators().Select(o => o.Key.Name)),
            new SortedSet<string>(registry.GetActivities().Select(a => a.Key.Name)),
            new SortedSet<string>(timers));
    }
}
