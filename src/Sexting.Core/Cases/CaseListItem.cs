using Sexting.Core.Assessment;
using Sexting.Core.Referrals;

namespace Sexting.Core.Cases;

/// <summary>
/// One case as the case list shows it (contract §10): references, codes and times only, never
/// personal data.
/// </summary>
/// <param name="ReferralId">The referral's id.</param>
/// <param name="CrimeReference">Its crime reference (§3.2.1).</param>
/// <param name="ForceArea">Its force.</param>
/// <param name="Status">Its status.</param>
/// <param name="Route">Its route once assessed; <c>null</c> before.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="ReporterConfirmed">Whether the reporter has confirmed their address (contract §11).</param>
/// <param name="TrustedDomain">Whether the reporter's address is in a trusted domain (contract §11).</param>
/// <param name="AwaitingAuthorisationSince">When it entered <see cref="CaseStatus.AwaitingAuthorisation"/>, while it is there; else <c>null</c>.</param>
/// <param name="EducationDueBy">When education and intervention is due (§3.4.7), while it is undelivered; else <c>null</c>.</param>
public sealed record CaseListItem(
    string ReferralId,
    string CrimeReference,
    ForceArea ForceArea,
    CaseStatus Status,
    Route? Route,
    DateTimeOffset ReceivedAt,
    bool ReporterConfirmed,
    bool TrustedDomain,
    DateTimeOffset? AwaitingAuthorisationSince,
    DateTimeOffset? EducationDueBy)
{
    /// <summary>
    /// Whether the case is overdue at <paramref name="now"/>: awaiting authorisation past the time its
    /// reminder is due (<paramref name="reminderAfter"/> after the request, contract §4), or in
    /// education and intervention past its due date (§3.4.7).
    /// </summary>
    public bool IsOverdue(DateTimeOffset now, TimeSpan reminderAfter) =>
        (Status == CaseStatus.AwaitingAuthorisation && AwaitingAuthorisationSince is { } since && now > since + reminderAfter)
        || Reminders.ReminderRules.IsEducationOverdue(Status, EducationDueBy, null, now);
}
