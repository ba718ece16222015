namespace Sexting.Functions.Reminders;

/// <summary>
/// What one run of the review reminders did, in counts only (no case data): due-index entries read,
/// education reminders sent, entries skipped (already reminded today by this or another host, not
/// yet overdue, or stale and removed), refused, and failed (claim released, retried next run); whether
/// the policy review reminder went; and deliveries recorded instead of a reminder (the education link was
/// used but the case could not be written then).
/// </summary>
public sealed record ReviewReminderRun(
    int DueEntries,
    int EducationRemindersSent,
    int AlreadyRemindedToday,
    int NotOverdue,
    int StaleRemoved,
    int Refused,
    int Failed,
    PolicyReminderOutcome PolicyReminder,
    int DeliveriesRecorded = 0);
