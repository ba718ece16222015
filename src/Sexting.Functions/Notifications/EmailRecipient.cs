namespace Sexting.Functions.Notifications;

/// <summary>Who an email step writes to.</summary>
public enum EmailRecipient
{
    /// <summary>A configured mailbox given in the step (manager, expert, team, investigation).</summary>
    Configured,

    /// <summary>The reporter of the case (the setting).</summary>
    Reporter,

    /// <summary>Every parent/carer and every young person of the case with an email (§3.4.7, §3.6.2).</summary>
    AdviceAudience,
}
