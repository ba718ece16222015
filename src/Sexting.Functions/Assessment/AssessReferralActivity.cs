using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Assessment;

/// <summary>
/// Assesses a case against SA028 (§3.2.2, §3.5): finds earlier referrals of the same force naming
/// its young people (§3.4.6), stores the assessment, indexes the people for later referrals.
/// A retry keeps the assessment already stored, so the route never changes under a replay.
/// </summary>
public sealed partial class AssessReferralActivity(ICaseStore store, CaseUpdater updater, ForceProfiles forces, ILogger<AssessReferralActivity> logger)
{
    [Function(nameof(AssessReferralActivity))]
    public async Task<AssessReferralResult> RunAsync([ActivityTrigger] AssessReferralInput input) => (await AssessAsync(input, null).ConfigureAwait(false)).Result;

    /// <summary>Assesses <paramref name="known"/> (the case a merged step just read; else read here); the result and the case as stored.</summary>
    public async Task<(AssessReferralResult Result, CaseRecord Case)> AssessAsync(AssessReferralInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var current = known ?? await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");

        var assessment = current.Assessment;
        if (assessment is null)
        {
            // §3.4.6, §3.5.2 repeat offending: earlier referrals of the same force naming the same
            // person, one point read per person; the assessor counts only offending roles of confirmed ones.
            var keys = current.Referral.YoungPeople.Select(PersonIdentity.KeyOf).Distinct(StringComparer.Ordinal).ToList();
            var earlier = await store.FindEarlierAsync(current.ForceArea, keys, current.ReferralId, current.ReceivedAt, ct).ConfigureAwait(false);
            var computed = ReferralAssessor.Assess(current.Referral, earlier, new AssessmentOptions { SignificantAgeGapYears = input.SignificantAgeGapYears }, forces);
            // The assessment and its timeline entry in one transaction (issue 22); the entry describes what is stored.
            current = await updater.UpdateAsync(input.ReferralId, current, c => c.Assessment is null ? c with { Assessment = computed } : null,
                c => new TimelineEntry(input.At, TimelineEvent.Assessed, Describe(c.Assessment!), "Assessed"), ct).ConfigureAwait(false);
            assessment = current.Assessment!;
        }
        else
        {
            // A retry after the assessment was stored: its entry, if it is not there yet, and its list row (intake
            // leaves that to the assessment's update, whose list write may have failed in another process).
            await store.AppendTimelineAsync(input.ReferralId, new TimelineEntry(input.At, TimelineEvent.Assessed, Describe(assessment), "Assessed"), ct).ConfigureAwait(false);
            await store.EnsureListedAsync(current, ct).ConfigureAwait(false);
        }

        await store.IndexPeopleAsync(current, ct).ConfigureAwait(false);

        LogAssessed(logger, input.ReferralId, assessment.Route, assessment.AggravatingFactors.Count, assessment.SafeguardingConcerns.Count);
        return (new AssessReferralResult(assessment.Route, assessment.SafeguardingConcerns.Count > 0), current);
    }

    // Codes only: the reasons carry YP references and ages, never names (TimelineEntry rule).
    private static string Describe(ReferralAssessment assessment)
    {
        var factors = assessment.AggravatingFactors.Count == 0
            ? "no aggravating factors"
            : "aggravating factors: " + string.Join(", ", assessment.AggravatingFactors.Select(f => f.Code));
        var concerns = assessment.SafeguardingConcerns.Count == 0
            ? "no safeguarding concerns"
            : "safeguarding concerns: " + string.Join(", ", assessment.SafeguardingConcerns.Select(c => c.Code));
        return string.Create(CultureInfo.InvariantCulture, $"Route {assessment.Route}; {factors}; {concerns}");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} assessed: route {Route}, {FactorCount} aggravating factors, {ConcernCount} safeguarding concerns")]
    private static partial void LogAssessed(ILogger logger, string referralId, Route route, int factorCount, int concernCount);
}
