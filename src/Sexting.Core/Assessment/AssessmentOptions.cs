namespace Sexting.Core.Assessment;

/// <summary>The configurable part of the assessment (contract §1, <c>Assessment:*</c>).</summary>
public sealed record AssessmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Assessment";

    /// <summary>
    /// An age gap, in whole years between the oldest and youngest young person, at or above
    /// which the ages count as a "significant age imbalance" (§3.5.2). SA028 gives no number.
    /// </summary>
    public int SignificantAgeGapYears { get; init; } = 3;
}
