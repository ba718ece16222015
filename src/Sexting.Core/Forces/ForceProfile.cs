using Sexting.Core.Referrals;

namespace Sexting.Core.Forces;

/// <summary>What differs between forces (contract §1 <c>Forces:&lt;force&gt;:*</c>).</summary>
/// <param name="Force">The force.</param>
/// <param name="DisplayName">The force's name as people know it ("Dorset Police").</param>
/// <param name="CrimeReferencePrefix">Prefix of the crime references the product issues (contract §2).</param>
/// <param name="LocalOutcomeCode">The force's own code for national Outcome 21 (§3.4.2).</param>
/// <param name="CrimeRecordingSystem">The force's crime recording system, where known (§3.4.2 names UNIFI).</param>
/// <param name="YouthTeamName">Who delivers education and intervention (§3.4.8, §3.4.9).</param>
/// <param name="YouthTeamPolicyRef">The SA028 paragraph that names that team; null for a force SA028 does not cover.</param>
/// <param name="AdviceWebsite">The force's web page of advice (§3.2.3).</param>
/// <param name="PolicyAppendix">SA028's letter to the force's schools (Appendix C or D); null for a force SA028 does not cover.</param>
public sealed record ForceProfile(
    ForceArea Force,
    string DisplayName,
    string CrimeReferencePrefix,
    string LocalOutcomeCode,
    string? CrimeRecordingSystem,
    string YouthTeamName,
    string? YouthTeamPolicyRef,
    Uri AdviceWebsite,
    string? PolicyAppendix = null)
{
    /// <summary>Whether the force calls Outcome 21 something else (§3.4.2).</summary>
    public bool LocalOutcomeDiffers => !string.Equals(LocalOutcomeCode, ForceProfiles.NationalOutcome, StringComparison.Ordinal);

    /// <summary>"Outcome 21 (Outcome 27 on UNIFI)" or "Outcome 21": the outcome in the force's words.</summary>
    public string OutcomeWords => !LocalOutcomeDiffers
        ? ForceProfiles.NationalOutcome
        : CrimeRecordingSystem is { } system
            ? $"{ForceProfiles.NationalOutcome} ({LocalOutcomeCode} on {system})"
            : $"{ForceProfiles.NationalOutcome} ({LocalOutcomeCode} locally)";
}
