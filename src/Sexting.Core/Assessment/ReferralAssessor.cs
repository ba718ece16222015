using System.Globalization;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Core.Assessment;

/// <summary>
/// Assesses a referral against SA028: the aggravating factors of §3.5.2, ticked by the
/// reporter or derived from the facts, the safeguarding concerns of §3.2.2, and from them the
/// route (§1.2.2, §1.2.3) and the proposed outcome (§3.4.1, §3.4.2). Pure: same input, same
/// answer.
/// </summary>
public static class ReferralAssessor
{
    /// <summary>Where SA028 lists the aggravating factors.</summary>
    public const string FactorsRef = "3.5.2";

    /// <summary>Where the UKCIS guidance (2020, updated March 2024) asks its initial-review questions.</summary>
    public const string UkcisInitialReviewRef = "UKCIS 2024, initial review";

    /// <summary>Assesses <paramref name="referral"/>.</summary>
    /// <param name="referral">The referral.</param>
    /// <param name="earlier">Earlier referrals of the same force naming any of its young people (§3.4.6).</param>
    /// <param name="options">The configurable thresholds.</param>
    /// <param name="forces">The configured forces, for the local name of Outcome 21 (§3.4.2).</param>
    public static ReferralAssessment Assess(Referral referral, IReadOnlyList<EarlierReferral> earlier, AssessmentOptions options, ForceProfiles forces)
    {
        ArgumentNullException.ThrowIfNull(referral);
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(forces);

        var reasons = new SortedDictionary<AggravatingFactorCode, List<string>>();
        void Add(AggravatingFactorCode code, string reason)
        {
            if (!reasons.TryGetValue(code, out var list))
            {
                reasons[code] = list = [];
            }

            list.Add(reason);
        }

        var on = referral.Incident.DiscoveredOn;
        var date = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // §3.5.2 "Adult involved as perpetrators": an adult named as involved, or a "young
        // person" who was 18 or over on the discovery date (§1.2.1: sexting is between under 18s).
        if (referral.AdultsInvolved.Count > 0)
        {
            Add(AggravatingFactorCode.AdultInvolved, referral.AdultsInvolved.Count == 1
                ? "1 adult was reported as involved"
                : $"{referral.AdultsInvolved.Count} adults were reported as involved");
        }

        foreach (var person in referral.YoungPeople.Where(p => p.AgeOnDiscovery >= 18))
        {
            Add(AggravatingFactorCode.AdultInvolved, $"{person.Reference} was {person.AgeOnDiscovery} on {date}");
        }

        // §3.5.2 "Significant age imbalance": whole years between the oldest and the youngest.
        if (referral.YoungPeople.Count > 1)
        {
            var oldest = referral.YoungPeople.MinBy(p => p.DateOfBirth)!;
            var youngest = referral.YoungPeople.MaxBy(p => p.DateOfBirth)!;
            var gap = Age.InWholeYears(oldest.DateOfBirth, youngest.DateOfBirth);
            if (gap >= options.SignificantAgeGapYears)
            {
                Add(AggravatingFactorCode.SignificantAgeImbalance,
                    $"{oldest.Reference} and {youngest.Reference} are {gap} years apart in age (threshold {options.SignificantAgeGapYears})");
            }
        }

        // §3.5.2 "under the age of 13"; §2.1.3 under 13s cannot consent; §3.1.7.
        foreach (var person in referral.YoungPeople.Where(p => p.AgeOnDiscovery < 13))
        {
            Add(AggravatingFactorCode.UnderThirteen, $"{person.Reference} was {person.AgeOnDiscovery} on {date}");
        }

        // §3.5.2 "Repeat offending"; §3.4.6 "a pattern of behaviour". Contract §3: only an offending
        // role (Creator, Sender) now AND in the earlier referral counts; the Subject or Recipient of
        // imagery is a victim, never a repeat offender. An earlier referral counts only once its
        // reporter confirmed it (never when unconfirmed or deleted), so an anonymous submission naming
        // a child cannot plant the flag on that child's later referral.
        foreach (var person in referral.YoungPeople.Where(p => OffendingRoles.IsOffending(p.Role)))
        {
            var key = PersonIdentity.KeyOf(person);
            var counted = earlier
                .Where(e => e.PersonKey == key && OffendingRoles.IsOffending(e.Role) && e.Standing == ReferralStanding.Confirmed)
                .GroupBy(e => e.CrimeReference, StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal);
            foreach (var group in counted)
            {
                Add(AggravatingFactorCode.RepeatOffending,
                    $"{person.Reference} ({person.Role}) was named as {group.First().Role} in earlier referral {group.Key}");
            }
        }

        // The factors the reporter ticked (§3.2.2: ascertained at the point of reporting).
        var concerns = referral.Concerns;
        const string Ticked = "Reported by the setting";
        if (concerns.SignificantAgeImbalance) Add(AggravatingFactorCode.SignificantAgeImbalance, Ticked);
        if (concerns.Grooming) Add(AggravatingFactorCode.Grooming, Ticked);
        if (concerns.CoercionOrBlackmail) Add(AggravatingFactorCode.CoercionOrBlackmail, Ticked);
        if (concerns.RepeatBehaviour) Add(AggravatingFactorCode.RepeatOffending, Ticked);
        if (concerns.IntentToHarmOrViolence) Add(AggravatingFactorCode.IntentToHarmOrViolence, Ticked);
        if (concerns.ProfitMotive) Add(AggravatingFactorCode.ProfitMotive, Ticked);
        if (concerns.Exploitation) Add(AggravatingFactorCode.Exploitation, Ticked);

        // The UKCIS 2024 initial review's grounds for an immediate referral to the police, taken in
        // under §3.5.2 ("this list is not exhaustive"), and any other factor the setting names.
        if (concerns.CapacityToConsent) Add(AggravatingFactorCode.CapacityToConsent, "The setting reported concerns about a young person's capacity to consent");
        if (concerns.AtypicalOrViolentActs) Add(AggravatingFactorCode.AtypicalOrViolentActs, "The setting reported sexual acts unusual for the young person's developmental stage, or violent acts");
        if (!string.IsNullOrWhiteSpace(concerns.OtherAggravatingFactor)) Add(AggravatingFactorCode.OtherAggravatingFactor, concerns.OtherAggravatingFactor);

        var factors = reasons
            .Select(r => new AggravatingFactor(r.Key, string.Join("; ", r.Value), PolicyRefOf(r.Key)))
            .ToList();

        // §3.2.2: vulnerabilities and safeguarding concerns call for immediate safeguarding
        // activity; on their own they do not change the route (contract §3).
        var safeguarding = new List<SafeguardingConcern>();
        if (concerns.ImmediateRiskOfHarm)
        {
            safeguarding.Add(new SafeguardingConcern(SafeguardingConcernCode.ImmediateRiskOfHarm, "The setting reported an immediate risk of harm"));
        }

        if (!string.IsNullOrWhiteSpace(concerns.VulnerabilityNotes))
        {
            safeguarding.Add(new SafeguardingConcern(SafeguardingConcernCode.Vulnerability, "The setting described a vulnerability"));
        }

        // §1.2.2: aggravating factors make investigation appropriate; §1.2.3, §3.4.1: otherwise
        // education and intervention with Outcome 21, in the force's own code (§3.4.2).
        if (factors.Count > 0)
        {
            return new ReferralAssessment(factors, safeguarding, Route.Investigation, null);
        }

        var profile = forces.For(referral.ForceArea);
        return new ReferralAssessment(factors, safeguarding, Route.EducationAndIntervention,
            new ProposedOutcome(ForceProfiles.NationalOutcome, profile.LocalOutcomeCode));
    }

    /// <summary>The citation of a factor: the UKCIS initial review for the two it adds, else SA028 §3.5.2.</summary>
    public static string PolicyRefOf(AggravatingFactorCode code) =>
        code is AggravatingFactorCode.CapacityToConsent or AggravatingFactorCode.AtypicalOrViolentActs ? UkcisInitialReviewRef : FactorsRef;
}
