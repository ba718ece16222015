namespace Sexting.Core.Assessment;

/// <summary>An aggravating factor found in a referral, why, and where the policy names it.</summary>
public sealed record AggravatingFactor(AggravatingFactorCode Code, string Reason, string PolicyRef)
{
    /// <summary>Who discounted it when returning the case to the Outcome 21 route (§3.5.1; contract §3); it stays on the case.</summary>
    public string? DiscountedBy { get; init; }

    /// <summary>When it was discounted.</summary>
    public DateTimeOffset? DiscountedAt { get; init; }

    /// <summary>Why (the supervisor's rationale).</summary>
    public string? Rationale { get; init; }

    /// <summary>Whether a supervisor discounted it.</summary>
    public bool IsDiscounted => DiscountedAt is not null;
}
