using System.Text.Json;
using Sexting.Deployment.Tests.Startup.Rpc;
using Sexting.LocalHost.Functions;
using Sexting.TestSupport;
using Xunit.Abstractions;

namespace Sexting.Deployment.Tests.Startup;

/// <summary>
/// The product people deploy starts: the published <c>Sexting.Functions.dll</c>, with every app
/// setting the compiled Bicep gives the site (secrets of the shape azd and Key Vault produce), talks
/// to a stub of the Functions host's gRPC endpoint, initialises, and lists exactly the functions the
/// local host hosts. docs/deploy.md ("What stopped the app starting") lists what this guards.
/// </summary>
[Collection(WorkerStartupCollection.Name)]
public sealed class WorkerStartupTests(PublishedWorkerFixture worker, CompiledInfraFixture infra, ITestOutputHelper output)
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Worker_DeployedSettings_InitialisesAndListsTheLocalHostsFunctions()
    {
        var run = await RunAsync(ResolvedSecret);

        Assert.True(run.Session.Completion.IsCompletedSuccessfully, Describe(run, "the worker did not finish the start of the protocol"));
        Assert.True(run.Session.Init!.Result.Status == StatusResult.Types.Status.Success, Describe(run, $"WorkerInitResponse: {run.Session.Init.Result}"));
        Assert.True(run.Session.Metadata!.Result.Status == StatusResult.Types.Status.Success, Describe(run, $"FunctionMetadataResponse: {run.Session.Metadata.Result}"));
        Assert.False(run.Session.Metadata.UseDefaultMetadataIndexing);

        var expected = FunctionCatalog.Discover([typeof(Sexting.Functions.SextingServiceCollectionExtensions).Assembly]).Functions.Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actual = run.Session.Metadata.FunctionMetadataResults.Select(Describe).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(expected, actual);

        output.WriteLine(
            $"publish {worker.PublishTime.TotalSeconds:F1} s; StartStream {run.Session.StartStreamAt!.Value.TotalMilliseconds:F0} ms, " +
            $"initialised {run.Session.InitialisedAt!.Value.TotalMilliseconds:F0} ms, metadata {run.Session.MetadataAt!.Value.TotalMilliseconds:F0} ms " +
            $"after launch; {actual.Count} functions");
    }

    [Theory]
    [InlineData("SendGrid--ApiKey", "SendGrid:ApiKey")]
    [InlineData("Tables--IndexKey", "Tables:IndexKey")]
    [InlineData("Api--FunctionKey", "Api:FunctionKey")]
    [InlineData("DataProtection--TimelineKey", "DataProtection:TimelineKey")]
    public async Task Worker_SecretNotResolvedByAppService_StopsWithItsName(string secretName, string settingKey)
    {
        // App Service passes a reference it cannot resolve through as the literal text.
        var run = await RunAsync((name, reference) => name == secretName ? reference : ResolvedSecret(name, reference));

        Assert.True(run.Process.HasExited, Describe(run, "the worker kept running with an unresolved secret"));
        Assert.NotEqual(0, run.Process.ExitCode);
        Assert.Null(run.Session.InitialisedAt);
        Assert.Contains($"{settingKey} is an unresolved Key Vault reference", run.Process.Output, StringComparison.Ordinal);
    }

    /// <summary>Key Vault's answer for each secret the templates reference, of the shape azd and SendGrid produce.</summary>
    private static string ResolvedSecret(string secretName, string reference) => secretName switch
    {
        "Tables--IndexKey" or "Api--FunctionKey" => DeployedSiteSettings.AzdGeneratedSecret,
        "DataProtection--TimelineKey" => DeployedSiteSettings.AzdGeneratedSecret,
        "SendGrid--ApiKey" => DeployedSiteSettings.SendGridApiKey,
        _ => throw new InvalidOperationException($"No secret value for {secretName} ({reference})."),
    };

    private static string Describe(HostedFunction f) => f.Kind switch
    {
        FunctionKind.Http => $"{f.Name} httpTrigger {f.Route} {string.Join(',', (f.HttpMethods ?? []).Order(StringComparer.Ordinal))} {f.AuthLevel}",
        FunctionKind.Timer => $"{f.Name} timerTrigger {f.Schedule}",
        FunctionKind.Orchestrator => $"{f.Name} orchestrationTrigger",
        FunctionKind.Activity => $"{f.Name} activityTrigger",
        _ => $"{f.Name} {f.Kind}",
    };

    /// <summary>The function as the worker describes it to the host: its trigger binding's type, route, methods, level.</summary>
    private static string Describe(RpcFunctionMetadata f)
    {
        var triggers = f.RawBindings.Select(b => JsonDocument.Parse(b).RootElement)
            .Where(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var trigger = Assert.Single(triggers);
        var type = trigger.GetProperty("type").GetString();
        string? Text(string name) => trigger.TryGetProperty(name, out var p) ? p.GetString() : null;
        return type switch
        {
            "httpTrigger" => $"{f.Name} httpTrigger {Text("route")} " +
                $"{string.Join(',', trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!.ToUpperInvariant()).Order(StringComparer.Ordinal))} {Text("authLevel")}",
            "timerTrigger" => $"{f.Name} timerTrigger {Text("schedule")}",
            _ => $"{f.Name} {type}",
        };
    }

    private static string Describe(WorkerRun run, string message) =>
        $"{message}\n--- worker output ---\n{run.Process.Output}\n--- worker logs over the stream ---\n{string.Join('\n', run.Session.Logs)}";

    private async Task<WorkerRun> RunAsync(Func<string, string, string> resolveSecret)
    {
        var closedPort = Ports.GetFree(); // nothing listens here: what the worker might call elsewhere is refused
        await using var host = await StubFunctionsHost.StartAsync(worker.Directory);
        var site = DeployedSiteSettings.Resolve(infra.Template, closedPort, resolveSecret);
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>())
        {
            environment[key] = null; // the site's environment, not this test run's
        }

        foreach (var (key, value) in site.Settings.Concat(DeployedSiteSettings.PlatformEnvironment(site.Name, worker.Directory, closedPort)))
        {
            environment[key] = value;
        }

        environment["PATH"] = Environment.GetEnvironmentVariable("PATH");
        environment["DOTNET_ROOT"] = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var home = Directory.CreateTempSubdirectory("sexting-worker-home-").FullName; // DataProtection keys go under $HOME/.aspnet
        environment["HOME"] = home;
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        string[] arguments =
        [
            "Sexting.Functions.dll",
            "--host", "127.0.0.1", "--port", host.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--workerId", "startup-test", "--requestId", "startup-test-request", "--grpcMaxMessageLength", "2147483647",
            "--functions-uri", $"http://127.0.0.1:{host.Port}/", "--functions-worker-id", "startup-test",
            "--functions-request-id", "startup-test-request", "--functions-grpc-max-message-length", "2147483647",
        ];
        host.Session.Clock.Start();
        var process = ProcessRunner.Start("dotnet", arguments, worker.Directory, environment, "Sexting.Functions worker");
        try
        {
            using var timeout = new CancellationTokenSource(StartupTimeout);
            var exited = process.WaitForExitAsync(timeout.Token);
            await Task.WhenAny(host.Session.Completion, exited);
            if (host.Session.Completion.IsCompletedSuccessfully)
            {
                // Asked to terminate: it should leave by itself within the grace period.
                using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await Task.WhenAny(process.WaitForExitAsync(grace.Token));
            }
            else if (!exited.IsCompleted)
            {
                await Task.WhenAny(exited);
            }

            return new WorkerRun(process, host.Session);
        }
        finally
        {
            await process.StopAsync(TimeSpan.FromSeconds(5));
            Directory.Delete(home, recursive: true);
        }
    }

    private sealed record WorkerRun(ProcessRunner Process, WorkerSession Session);
}
