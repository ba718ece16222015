namespace Sexting.Functions.Assessment;

/// <summary>Assess a case; <paramref name="At"/> is the orchestration's time for the timeline.</summary>
public sealed record AssessReferralInput(string ReferralId, DateTimeOffset At, int SignificantAgeGapYears);
