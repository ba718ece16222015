namespace Sexting.Core.Assessment;

/// <summary>An aggravating factor found in a referral, why, and where the policy names it.</summary>
public sealed record AggravatingFactor(AggravatingFactorCode Code, string Reason, string PolicyRef);
