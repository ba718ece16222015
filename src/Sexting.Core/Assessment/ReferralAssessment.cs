namespace Sexting.Core.Assessment;

/// <summary>The result of assessing a referral against SA028 (§3.2.2, §3.5).</summary>
/// <param name="AggravatingFactors">Each factor once, in the order of §3.5.2.</param>
/// <param name="SafeguardingConcerns">Concerns that call for an immediate safeguarding alert.</param>
/// <param name="Route">Investigation when any factor is present, else education and intervention.</param>
/// <param name="ProposedOutcome">Outcome 21 (with the force's local code) on the education route, else null.</param>
public sealed record ReferralAssessment(
    IReadOnlyList<AggravatingFactor> AggravatingFactors,
    IReadOnlyList<SafeguardingConcern> SafeguardingConcerns,
    Route Route,
    ProposedOutcome? ProposedOutcome);
