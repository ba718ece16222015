using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.LocalHost.Functions;
using Sexting.LocalHost.Tests.Samples;

namespace Sexting.LocalHost.Tests.Support;

/// <summary>The local host started in process on a free loopback port over the sample functions.</summary>
public sealed class RunningLocalHost : IAsyncDisposable
{
    private RunningLocalHost(WebApplication app, Uri address, TimeSpan startup)
    {
        App = app;
        Http = new HttpClient { BaseAddress = address };
        Startup = startup;
    }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>From Build to started (listening, durable backend up).</summary>
    public TimeSpan Startup { get; }

    public DurableTaskClient Client => App.Services.GetRequiredService<DurableTaskClient>();

    public SampleTimerLog TimerLog => App.Services.GetRequiredService<SampleTimerLog>();

    public static async Task<RunningLocalHost> StartAsync(
        AzuriteFixture azurite, string taskHub, IDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        var watch = Stopwatch.StartNew();
        var config = new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["LocalHost:TaskHub"] = taskHub,
            // A stable worker id per task hub, as on a developer's machine across restarts.
            ["LocalHost:WorkerId"] = "tests-" + taskHub,
            // Once a day at 03:00: quiet unless a test asks for a fast timer.
            ["Sample:Schedule"] = "0 0 3 * * *",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            config[key] = value;
        }

        var app = LocalHostApp.Build([], FunctionCatalog.Discover(SampleTypes.All), builder =>
        {
            builder.Configuration.AddInMemoryCollection(config);
            builder.Services.AddSingleton<SampleGreeting>();
            builder.Services.AddSingleton<SampleTimerLog>();
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        watch.Stop();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new RunningLocalHost(app, new Uri(address), watch.Elapsed);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
