using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Sexting.Functions.Workflow;

/// <summary>
/// Retries the activities of one referral's orchestration (contract §4.6: none lost) as
/// <see cref="ActivityRetry"/> says. A step still failing after the back-off does not fail the
/// orchestration, which nothing would restart (the case would sit at its step for good): it is stalled,
/// logged as an error for an operator's alert (docs/monitoring.md), and tried again every
/// <see cref="ActivityRetry.StalledInterval"/> until <see cref="ActivityRetry.StalledFor"/> has passed.
/// </summary>
/// <remarks>
/// Orchestrator code: time from the context, waits on durable timers, logs through the replay-safe logger.
/// <para>
/// Instances in flight replay (read in durabletask-dotnet's <c>TaskOrchestrationContextWrapper</c> and
/// DurableTask.Core 3.11.2's <c>TaskOrchestrationContext</c> and <c>RetryInterceptor</c>). Under the
/// <c>RetryPolicy</c> this replaces, Core's <c>RetryInterceptor</c> recorded each failed attempt as TaskScheduled,
/// TaskFailed, then one timer (TimerCreated, TimerFired) before the next TaskScheduled; after the last attempt it
/// created one more timer, due at once ("Dummy timer for back-compat"), and failed. With a handler the SDK's
/// <c>InvokeWithCustomRetryHandler</c> schedules the same task (no retry options) and after each failure awaits
/// this method, whose one timer is that TimerCreated. Replay checks an activity's name and a timer's kind at
/// each sequence number, not its time, so attempts 1 to <see cref="ActivityRetry.MaxAttempts"/> record what they
/// did (<c>ActivityRetryHandlerTests</c> replays a policy's history under the handler). An instance between its
/// last attempt's dummy timer and that timer firing at deployment replays the dummy as its first stalled wait
/// (cut to nothing) and goes on trying. Giving up creates no dummy timer: the instance fails, and a failed
/// instance is not replayed. Rolled back to the policy, an instance past its back-off fails at its next replay.
/// </para>
/// </remarks>
internal sealed partial class ActivityRetryHandler(string referralId, ActivityRetry retry)
{
    /// <summary>The stalled step's error (docs/monitoring.md alerts on it): ids, a name of code and times only, as the failure's message may quote a case.</summary>
    internal const string StalledMessage = "Referral {ReferralId}: step {Activity} stalled, attempt {Attempt} failed; next attempt at {NextAttemptAt:o}";

    /// <summary>The error of a step given up after <see cref="ActivityRetry.StalledFor"/>: its orchestration fails.</summary>
    internal const string GaveUpMessage = "Referral {ReferralId}: step {Activity} given up after attempt {Attempt}; the orchestration fails";

    /// <summary>The options for calling <paramref name="activity"/> (its name is for the logs: the retry context has none).</summary>
    public TaskOptions For(string activity) => TaskOptions.FromRetryHandler(context => RetryAsync(context, activity));

    internal async Task<bool> RetryAsync(RetryContext context, string activity)
    {
        ArgumentNullException.ThrowIfNull(context);
        var orchestration = context.OrchestrationContext;
        var log = orchestration.CreateReplaySafeLogger(nameof(ReferralOrchestration));
        var attempt = context.LastAttemptNumber;
        if (retry.NextWait(attempt, context.TotalRetryTime) is not { } wait)
        {
            LogGaveUp(log, referralId, activity, attempt);
            return false;
        }

        var nextAttemptAt = orchestration.CurrentUtcDateTime + wait;
        if (retry.IsStalled(attempt))
        {
            LogStalled(log, referralId, activity, attempt, nextAttemptAt);
        }

        await orchestration.CreateTimer(nextAttemptAt, context.CancellationToken).ConfigureAwait(true);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = StalledMessage)]
    internal static partial void LogStalled(ILogger logger, string referralId, string activity, int attempt, DateTime nextAttemptAt);

    [LoggerMessage(Level = LogLevel.Error, Message = GaveUpMessage)]
    internal static partial void LogGaveUp(ILogger logger, string referralId, string activity, int attempt);
}
