namespace Sexting.Functions.Reminders;

/// <summary>What a run did about the policy's own review date (§5.1).</summary>
public enum PolicyReminderOutcome
{
    /// <summary>The review date has not been reached.</summary>
    NotDue,

    /// <summary>Sent to the policy owner.</summary>
    Sent,

    /// <summary>Already sent today (by an earlier run or another host).</summary>
    AlreadySentToday,

    /// <summary>The mail service refused it for good; tried again tomorrow.</summary>
    Refused,

    /// <summary>Failed; the claim was released so the next run tries again.</summary>
    Failed,
}
