using System.Globalization;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Core.Reminders;

/// <summary>
/// When the review timer reminds (contract §7): education past due (§3.4.7), and the policy's own
/// review date (§5.1). "At most once per day" is a claim key per UK calendar day.
/// </summary>
public static class ReminderRules
{
    /// <summary>
    /// Whether the youth team should be reminded about <paramref name="case"/>: Outcome 21 authorised,
    /// education and intervention not yet confirmed delivered, and past its due time (§3.4.7).
    /// </summary>
    public static bool IsEducationOverdue(CaseRecord @case, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return IsEducationOverdue(@case.Status, @case.Education?.DueBy, @case.Education?.DeliveredAt, now);
    }

    /// <summary>The same rule on a case's status and education dates (a case's monitoring figures, say).</summary>
    public static bool IsEducationOverdue(CaseStatus status, DateTimeOffset? dueBy, DateTimeOffset? deliveredAt, DateTimeOffset now) =>
        status == CaseStatus.EducationAndIntervention && deliveredAt is null && dueBy is { } due && now > due;

    /// <summary>The once-a-day claim key of an education reminder for a case.</summary>
    public static string EducationReminderKey(string referralId, DateTimeOffset now) =>
        $"education-reminder:{referralId}:{Iso(UkClock.DateOf(now))}";

    /// <summary>Whether the policy's next scheduled review date (§5.1) has been reached in the UK.</summary>
    public static bool IsPolicyReviewDue(DateOnly nextReviewDate, DateTimeOffset now) =>
        UkClock.DateOf(now) >= nextReviewDate;

    /// <summary>The once-a-day claim key of the policy review reminder.</summary>
    public static string PolicyReviewKey(DateOnly nextReviewDate, DateTimeOffset now) =>
        $"policy-review:{Iso(nextReviewDate)}:{Iso(UkClock.DateOf(now))}";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
