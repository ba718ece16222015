using Sexting.Core.Referrals;

namespace Sexting.Core.Forces;

/// <summary>What differs between the two forces of SA028.</summary>
/// <param name="Force">The force.</param>
/// <param name="DisplayName">The force's name as people know it.</param>
/// <param name="CrimeReferencePrefix">Prefix of the crime references the product issues (contract §2).</param>
/// <param name="LocalOutcomeCode">The force's own code for national Outcome 21 (§3.4.2).</param>
/// <param name="CrimeRecordingSystem">The force's crime recording system, where the policy names it (§3.4.2).</param>
/// <param name="YouthTeamName">Who delivers education and intervention (§3.4.8, §3.4.9).</param>
/// <param name="YouthTeamPolicyRef">The paragraph that names that team.</param>
/// <param name="AdviceWebsite">The force's web page of advice on sexting (§3.2.3).</param>
public sealed record ForceProfile(
    ForceArea Force,
    string DisplayName,
    string CrimeReferencePrefix,
    string LocalOutcomeCode,
    string? CrimeRecordingSystem,
    string YouthTeamName,
    string YouthTeamPolicyRef,
    Uri AdviceWebsite);
