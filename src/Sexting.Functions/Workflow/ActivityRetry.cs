namespace Sexting.Functions.Workflow;

/// <summary>How an activity that fails is retried with back-off (contract §4.6: none lost).</summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient)
{
    /// <summary>
    /// Nine attempts over about eight minutes: a SendGrid or storage hiccup passes, and a send cut
    /// short by a crash is retried after its once-ledger claim lapses (<c>Tables:ClaimLease</c>, 5 min).
    /// </summary>
    public static ActivityRetry Default { get; } = new(9, TimeSpan.FromSeconds(2), 2.0);
}
