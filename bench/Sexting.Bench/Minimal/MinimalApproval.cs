using DurableTask.Core;

namespace Sexting.Bench.Minimal;

/// <summary>
/// The approval shape written as plainly as the Durable Functions human-interaction pattern: one
/// request email, a wait for one approval event raced against a timer, then three notifications side
/// by side. No state, no timeline, no links: what the engine itself costs for this shape (issue 22).
/// </summary>
internal sealed class MinimalApproval : TaskOrchestration<string, string>
{
    public const string ApprovalEvent = "Approval";
    private readonly TaskCompletionSource<string> _approval = new();

    public override async Task<string> RunTask(OrchestrationContext context, string input)
    {
        await context.ScheduleTask<string>(typeof(MinimalNotify), "request").ConfigureAwait(true);
        using var cts = new CancellationTokenSource();
        var timer = context.CreateTimer(context.CurrentUtcDateTime.AddDays(1), "timeout", cts.Token);
        var winner = await Task.WhenAny(_approval.Task, timer).ConfigureAwait(true);
        if (winner == timer)
        {
            return "timed out";
        }

#pragma warning disable CA1849 // Synchronous on purpose: the orchestration's own scheduler drives it.
        cts.Cancel();
#pragma warning restore CA1849
        await Task.WhenAll(
            context.ScheduleTask<string>(typeof(MinimalNotify), "youth team"),
            context.ScheduleTask<string>(typeof(MinimalNotify), "advice"),
            context.ScheduleTask<string>(typeof(MinimalNotify), "setting")).ConfigureAwait(true);
        return "approved";
    }

    public override void OnEvent(OrchestrationContext context, string name, string input)
    {
        if (name == ApprovalEvent)
        {
            _approval.TrySetResult(input);
        }
    }
}
