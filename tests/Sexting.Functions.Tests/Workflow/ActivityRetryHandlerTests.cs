using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Sexting.Functions.Workflow;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Workflow;

/// <summary>
/// The retry handler against the retry policy it replaces, in <see cref="DurableTaskTestHost"/> (the SDK's
/// and DurableTask.Core's real replay): an instance that failed attempts under the policy replays under the handler.
/// </summary>
public sealed class ActivityRetryHandlerTests
{
    private const string Flaky = "Flaky";

    [Fact]
    public async Task RetryAsync_InstanceMidRetryUnderThePolicy_ReplaysUnderTheHandlerThenStallsAndCompletes()
    {
        var retry = new ActivityRetry(4, TimeSpan.FromMilliseconds(500), 1.0) { StalledInterval = TimeSpan.FromMilliseconds(200), StalledFor = TimeSpan.FromMinutes(1) };
        var calls = 0;
        var handlerDeployed = false;
        var replayedUnderHandler = false;

        void Register(DurableTaskRegistry r)
        {
            // The same orchestrator before and after the deployment: the policy until handlerDeployed, then the handler.
            r.AddOrchestratorFunc<string>("Step", async context =>
            {
                var deployed = Volatile.Read(ref handlerDeployed);
                replayedUnderHandler |= deployed && context.IsReplaying;
                var options = deployed
                    ? new ActivityRetryHandler("R-1", retry).For(Flaky)
                    : TaskOptions.FromRetryPolicy(new RetryPolicy(retry.MaxAttempts, retry.FirstInterval, retry.BackoffCoefficient));
                return await context.CallActivityAsync<string>(Flaky, options: options);
            });
            // Fails its first six calls: past the policy's four attempts.
            r.AddActivityFunc<string>(Flaky, _ => Interlocked.Increment(ref calls) <= 6 ? throw new InvalidOperationException("Injected.") : "done");
        }

        await using var host = await StartAsync(Register);
        var id = await host.Client.ScheduleNewOrchestrationInstanceAsync("Step");
        // Two attempts under the policy: its history holds TaskScheduled, TaskFailed, TimerCreated, TimerFired, TaskScheduled.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Volatile.Read(ref calls) < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        Volatile.Write(ref handlerDeployed, true);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var state = await host.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);

        Assert.True(state.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{state.RuntimeStatus}: {state.FailureDetails?.ErrorType} {state.FailureDetails?.ErrorMessage}");
        Assert.Equal("done", state.ReadOutputAs<string>());
        Assert.Equal(7, calls);
        Assert.True(replayedUnderHandler, "the history written under the policy was never replayed under the handler");
    }

    private static async Task<DurableTaskTestHost> StartAsync(Action<DurableTaskRegistry> register)
    {
        // A free port, again if taken meanwhile (as WorkflowHarness).
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await DurableTaskTestHost.StartAsync(register, new DurableTaskTestHostOptions { Port = Ports.GetFree() });
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }
}
