namespace Sexting.Functions.Workflow;

/// <summary>
/// How an activity that fails is retried (contract §4.6: none lost): <see cref="MaxAttempts"/> attempts
/// with back-off, then, stalled, one attempt every <see cref="StalledInterval"/> until
/// <see cref="StalledFor"/> has passed since the step was first tried (<see cref="ActivityRetryHandler"/>).
/// </summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient)
{
    /// <summary>
    /// The back-off's longest wait: the default <c>maxRetryInterval</c> of the <c>RetryPolicy</c> that
    /// retried activities before, kept so the first <see cref="MaxAttempts"/> attempts wait as they did.
    /// </summary>
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>
    /// Nine attempts over about eight minutes: a SendGrid or storage hiccup passes, and a send cut
    /// short by a crash is retried after its once-ledger claim lapses (<c>Tables:ClaimLease</c>, 5 min).
    /// </summary>
    public static ActivityRetry Default { get; } = new(9, TimeSpan.FromSeconds(2), 2.0);

    /// <summary>
    /// The wait between two attempts of a stalled step (an outage longer than the back-off, or a bug a
    /// later deployment fixes). Absent in inputs of instances started before it existed: they get this default.
    /// </summary>
    public TimeSpan StalledInterval { get; init; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How long after its first attempt a stalled step is still tried; after that the orchestration fails,
    /// as every failed step did before. Absent in earlier inputs: they get this default.
    /// </summary>
    public TimeSpan StalledFor { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Whether a step whose attempt <paramref name="attempt"/> failed is stalled (the back-off is spent).</summary>
    public bool IsStalled(int attempt) => attempt >= MaxAttempts;

    /// <summary>
    /// The wait before the next attempt of a step whose attempt <paramref name="attempt"/> (from 1) failed,
    /// <paramref name="sinceFirstAttempt"/> after its first; <c>null</c> to give up. Attempts 1 to
    /// <see cref="MaxAttempts"/> − 1 wait <see cref="FirstInterval"/> × <see cref="BackoffCoefficient"/>^(attempt − 1),
    /// as the retry policy did; from <see cref="MaxAttempts"/> on, <see cref="StalledInterval"/> while
    /// <see cref="StalledFor"/> has not passed.
    /// </summary>
    public TimeSpan? NextWait(int attempt, TimeSpan sinceFirstAttempt)
    {
        if (!IsStalled(attempt))
        {
            var backoff = FirstInterval.TotalMilliseconds * Math.Pow(BackoffCoefficient, attempt - 1);
            return backoff < MaxBackoff.TotalMilliseconds ? TimeSpan.FromMilliseconds(backoff) : MaxBackoff;
        }

        return sinceFirstAttempt < StalledFor ? StalledInterval : null;
    }
}
