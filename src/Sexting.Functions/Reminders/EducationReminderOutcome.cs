namespace Sexting.Functions.Reminders;

/// <summary>What a run did about one entry of the due index.</summary>
internal enum EducationReminderOutcome
{
    Sent,
    AlreadyClaimed,
    NotOverdue,
    Stale,
    Refused,
    Failed,

    /// <summary>The link store held the delivery the case lacked: recorded, and the case closed, instead of a reminder.</summary>
    DeliveryRecorded,
}
