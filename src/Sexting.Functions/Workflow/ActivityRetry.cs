namespace Sexting.Functions.Workflow;

/// <summary>How an activity that fails is retried with back-off (contract §4.6: none lost).</summary>
public sealed record ActivityRetry(int MaxAttempts, TimeSpan FirstInterval, double BackoffCoefficient)
{
    /// <summary>Six attempts over about a minute: a SendGrid or storage hiccup passes, a real outage shows.</summary>
    public static ActivityRetry Default { get; } = new(6, TimeSpan.FromSeconds(2), 2.0);
}
