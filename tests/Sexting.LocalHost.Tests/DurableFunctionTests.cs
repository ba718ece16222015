using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Sexting.LocalHost.Tests.Samples;
using Sexting.LocalHost.Tests.Support;
using Xunit.Abstractions;

namespace Sexting.LocalHost.Tests;

/// <summary>The sample orchestration end to end through the sidecar on the Azure Storage provider in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DurableFunctionTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Orchestration_StartedOverHttpThenApproved_CompletesWithActivityResult()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DurableFlow");
        output.WriteLine($"host started in {host.Startup.TotalMilliseconds:F0} ms");
        var watch = Stopwatch.StartNew();

        var instanceId = await StartAsync(host, new SampleInput("Avery", 7));
        await WaitUntilWaitingAsync(host.Client, instanceId);
        var toWaiting = watch.Elapsed;
        var raised = Stopwatch.StartNew();
        await host.Client.RaiseEventAsync(instanceId, SampleOrchestration.ApprovalEvent, true);
        var done = await WaitForCompletionAsync(host.Client, instanceId);
        output.WriteLine($"start -> waiting {toWaiting.TotalMilliseconds:F0} ms; raise -> completed {raised.Elapsed.TotalMilliseconds:F0} ms; total {watch.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new SampleOutput("Hello Avery", 7, true), done.ReadOutputAs<SampleOutput>());
    }

    [Fact]
    public async Task Orchestration_HostRestartedWhileWaiting_CompletesOnNewHost()
    {
        string instanceId;
        await using (var first = await RunningLocalHost.StartAsync(azurite, "DurableRestart"))
        {
            instanceId = await StartAsync(first, new SampleInput("Blake", 3));
            await WaitUntilWaitingAsync(first.Client, instanceId);
        }

        var restart = Stopwatch.StartNew();
        await using var second = await RunningLocalHost.StartAsync(azurite, "DurableRestart");
        var startup = restart.Elapsed;
        var raised = Stopwatch.StartNew();
        await second.Client.RaiseEventAsync(instanceId, SampleOrchestration.ApprovalEvent, false);
        var done = await WaitForCompletionAsync(second.Client, instanceId);
        output.WriteLine($"new host started in {startup.TotalMilliseconds:F0} ms; raise -> completed {raised.Elapsed.TotalMilliseconds:F0} ms");

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new SampleOutput("Hello Blake", 3, false), done.ReadOutputAs<SampleOutput>());
    }

    [Fact]
    public async Task Orchestration_DispatchPaused_StoredButNotRun()
    {
        // LocalHost:DispatchPaused, the bench's intake-alone run (issue 22): scheduling works, nothing runs.
        await using var host = await RunningLocalHost.StartAsync(azurite, "DurablePaused", new Dictionary<string, string?> { ["LocalHost:DispatchPaused"] = "true" });

        var instanceId = await StartAsync(host, new SampleInput("Casey", 1));
        await Task.Delay(TimeSpan.FromSeconds(3));

        var state = await host.Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        Assert.NotNull(state);
        Assert.Equal(OrchestrationRuntimeStatus.Pending, state.RuntimeStatus);
        Assert.Null(state.SerializedCustomStatus);
    }

    private static async Task<string> StartAsync(RunningLocalHost host, SampleInput input)
    {
        using var response = await host.Http.PostAsJsonAsync("/api/samples-orchestrations", input);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("instanceId").GetString()!;
    }

    private static async Task WaitUntilWaitingAsync(DurableTaskClient client, string instanceId)
    {
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cts.Token);
            if (state?.SerializedCustomStatus?.Contains(SampleOrchestration.WaitingStatus, StringComparison.Ordinal) == true)
            {
                return;
            }

            await Task.Delay(50, cts.Token);
        }
    }

    private static async Task<OrchestrationMetadata> WaitForCompletionAsync(DurableTaskClient client, string instanceId)
    {
        // Polled here rather than WaitForInstanceCompletionAsync, whose own 2-second polling would hide the latency measured.
        using var cts = new CancellationTokenSource(Patience);
        while (true)
        {
            var state = await client.GetInstanceAsync(instanceId, getInputsAndOutputs: true, cts.Token);
            if (state is { IsCompleted: true })
            {
                return state;
            }

            await Task.Delay(50, cts.Token);
        }
    }
}
