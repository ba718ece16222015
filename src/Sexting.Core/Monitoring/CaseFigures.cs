using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Core.Reminders;

namespace Sexting.Core.Monitoring;

/// <summary>
/// What the monitoring figures (§2.3.1) need of a case, and all that the tombstone of a case deleted
/// under retention keeps (contract §12): ids, codes and times, no personal data.
/// </summary>
/// <param name="ReferralId">The referral's opaque id.</param>
/// <param name="CrimeReference">The crime reference (§3.2.1).</param>
/// <param name="ForceArea">The force.</param>
/// <param name="Status">The status when last seen (for a deleted case, when it was deleted).</param>
/// <param name="ReceivedAt">When the referral was received.</param>
/// <param name="Route">The route, once assessed.</param>
/// <param name="AggravatingFactors">The codes of the aggravating factors found (§3.5.2).</param>
/// <param name="AuthorisedAt">When Outcome 21 was authorised (§3.4.3), if it was.</param>
/// <param name="NationalOutcome">The national outcome code, once authorised.</param>
/// <param name="LocalOutcome">The force's own outcome code (§3.4.2), once authorised.</param>
/// <param name="EducationDueBy">When education and intervention was due (§3.4.7).</param>
/// <param name="EducationDeliveredAt">When it was confirmed delivered.</param>
public sealed record CaseFigures(
    string ReferralId,
    string CrimeReference,
    ForceArea ForceArea,
    CaseStatus Status,
    DateTimeOffset ReceivedAt,
    Route? Route,
    IReadOnlyList<AggravatingFactorCode> AggravatingFactors,
    DateTimeOffset? AuthorisedAt,
    string? NationalOutcome,
    string? LocalOutcome,
    DateTimeOffset? EducationDueBy,
    DateTimeOffset? EducationDeliveredAt)
{
    /// <summary>When the case was deleted under retention (contract §12); <c>null</c> while it is held.</summary>
    public DateTimeOffset? DeletedAt { get; init; }

    /// <summary>
    /// The setting that referred the case, for the breakdown by setting (contract §8 v2): its URN when
    /// given, else its name as typed, trimmed. An organisation, not a person: the tombstone keeps it.
    /// </summary>
    public string? Setting { get; init; }

    /// <summary>How often the timeline records each of the events <see cref="CountedEvents"/> names (contract §8 v2).</summary>
    public IReadOnlyDictionary<TimelineEvent, int> EventCounts { get; init; } = new Dictionary<TimelineEvent, int>();

    /// <summary>
    /// The timeline events the monitoring figures count (contract §8 v2): safeguarding alerts (§3.2.2),
    /// declines and consultations (§3.4.3), returns to the Outcome 21 route (§3.5.1). Codes only.
    /// </summary>
    public static IReadOnlyList<TimelineEvent> CountedEvents { get; } =
    [
        TimelineEvent.SafeguardingAlertSent,
        TimelineEvent.Declined,
        TimelineEvent.SafeguardingExpertConsulted,
        TimelineEvent.ReturnedToOutcome21,
    ];

    /// <summary>How many <paramref name="event"/> entries the case's timeline had.</summary>
    public int Count(TimelineEvent @event) => EventCounts.GetValueOrDefault(@event);

    /// <summary>The same figures with the counted events of <paramref name="timeline"/>.</summary>
    public CaseFigures WithEvents(IEnumerable<TimelineEvent> timeline)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var counts = CountedEvents.ToDictionary(e => e, _ => 0);
        foreach (var @event in timeline)
        {
            if (counts.TryGetValue(@event, out var n))
            {
                counts[@event] = n + 1;
            }
        }

        return this with { EventCounts = counts };
    }

    /// <summary>The breakdown key of a setting: its URN when given, else its trimmed name.</summary>
    public static string? SettingKeyOf(Setting? setting) =>
        setting is null ? null
        : !string.IsNullOrWhiteSpace(setting.Urn) ? "URN " + setting.Urn.Trim()
        : string.IsNullOrWhiteSpace(setting.Name) ? null
        : string.Join(' ', setting.Name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>The figures of a stored case.</summary>
    public static CaseFigures Of(CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return new CaseFigures(
            @case.ReferralId,
            @case.CrimeReference,
            @case.ForceArea,
            @case.Status,
            @case.ReceivedAt,
            @case.Assessment?.Route,
            @case.Assessment is { } assessment ? [.. assessment.AggravatingFactors.Select(f => f.Code)] : [],
            @case.Outcome?.AuthorisedAt,
            @case.Outcome?.National,
            @case.Outcome?.Local,
            @case.Education?.DueBy,
            @case.Education?.DeliveredAt)
        {
            Setting = SettingKeyOf(@case.Referral.Setting),
        };
    }

    /// <summary>Whether education and intervention is past due at <paramref name="now"/> (§3.4.7).</summary>
    public bool IsEducationOverdue(DateTimeOffset now) =>
        ReminderRules.IsEducationOverdue(Status, EducationDueBy, EducationDeliveredAt, now);
}
