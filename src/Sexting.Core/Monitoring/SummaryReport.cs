using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Core.Reminders;

namespace Sexting.Core.Monitoring;

/// <summary>
/// Monitoring figures for the Alliance Prevention Department (§2.3.1) over the cases received in a
/// period: counts by force, status, route and aggravating factor; how long authorisation (§3.4.3) and
/// education delivery (§3.4.7) took; and how many cases are past due. No personal data.
/// </summary>
public sealed record SummaryReport(
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    int TotalCases,
    IReadOnlyDictionary<string, int> ByForce,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyDictionary<string, int> ByRoute,
    IReadOnlyDictionary<string, int> ByAggravatingFactor,
    DurationFigures IntakeToAuthorisation,
    DurationFigures AuthorisationToEducationDelivered,
    int PastDue)
{
    /// <summary>Safeguarding alerts sent to the force's expert (§3.2.2; contract §8 v2).</summary>
    public int SafeguardingAlerts { get; init; }

    /// <summary>Outcome 21 proposals a manager declined (§3.4.3).</summary>
    public int Declines { get; init; }

    /// <summary>Consultations of the safeguarding expert by a manager (§3.4.3).</summary>
    public int Consultations { get; init; }

    /// <summary>Referrals for investigation a supervisor returned to the Outcome 21 route (§3.5.1; contract §10).</summary>
    public int ReturnsToOutcome21 { get; init; }

    /// <summary>Referrals whose reporter did not confirm in time (contract §11).</summary>
    public int Unconfirmed { get; init; }

    /// <summary>Cases by the setting that referred them (its URN, else its name); settings without a case are not listed.</summary>
    public IReadOnlyDictionary<string, int> BySetting { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// Builds the report from the figures of the cases received from <paramref name="from"/> to
    /// <paramref name="to"/>, both inclusive: held cases and the tombstones of deleted ones (contract §12).
    /// </summary>
    /// <param name="cases">The figures of the cases received in the period.</param>
    /// <param name="from">The first day.</param>
    /// <param name="to">The last day.</param>
    /// <param name="now">When the report is made.</param>
    /// <param name="forces">The configured forces, each counted even at zero; the built-in two when not given.</param>
    public static SummaryReport Build(IEnumerable<CaseFigures> cases, DateOnly from, DateOnly to, DateTimeOffset now, IEnumerable<ForceArea>? forces = null)
    {
        ArgumentNullException.ThrowIfNull(cases);
        var list = cases.ToList();
        var byForce = (forces ?? Forces.ForceProfiles.BuiltIn.All.Select(p => p.Force)).ToDictionary(f => f.Name, _ => 0, StringComparer.Ordinal);
        foreach (var @case in list)
        {
            byForce[@case.ForceArea.Name] = byForce.GetValueOrDefault(@case.ForceArea.Name) + 1;
        }

        // Every key always present, zero included, so figures line up from one period to the next.
        static Dictionary<string, int> Count<T>(IEnumerable<T> values)
            where T : struct, Enum
        {
            var counts = Enum.GetNames<T>().ToDictionary(n => n, _ => 0, StringComparer.Ordinal);
            foreach (var value in values)
            {
                counts[value.ToString()]++;
            }

            return counts;
        }

        var authorised = list.Where(c => c.AuthorisedAt is not null).ToList();
        return new SummaryReport(
            from,
            to,
            now,
            list.Count,
            byForce,
            Count(list.Select(c => c.Status)),
            Count(list.Where(c => c.Route is not null).Select(c => c.Route!.Value)),
            Count(list.SelectMany(c => c.AggravatingFactors)),
            DurationFigures.Of(authorised.Select(c => c.AuthorisedAt!.Value - c.ReceivedAt)),
            DurationFigures.Of(authorised
                .Where(c => c.EducationDeliveredAt is not null)
                .Select(c => c.EducationDeliveredAt!.Value - c.AuthorisedAt!.Value)),
            list.Count(c => c.IsEducationOverdue(now)))
        {
            SafeguardingAlerts = list.Sum(c => c.Count(TimelineEvent.SafeguardingAlertSent)),
            Declines = list.Sum(c => c.Count(TimelineEvent.Declined)),
            Consultations = list.Sum(c => c.Count(TimelineEvent.SafeguardingExpertConsulted)),
            ReturnsToOutcome21 = list.Sum(c => c.Count(TimelineEvent.ReturnedToOutcome21)),
            Unconfirmed = list.Count(c => c.Status == CaseStatus.Unconfirmed),
            BySetting = list
                .GroupBy(c => c.Setting ?? "(not given)", StringComparer.Ordinal)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal),
        };
    }
}
