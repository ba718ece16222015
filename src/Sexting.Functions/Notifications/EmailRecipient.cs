namespace Sexting.Functions.Notifications;

/// <summary>Who an email step writes to.</summary>
public enum EmailRecipient
{
    /// <summary>
    /// A mailbox of the case's force (manager, expert, team, investigation), named in the step by its role
    /// (<see cref="SendEmailInput.Mailbox"/>); steps scheduled before contract §12's fix gave its address.
    /// </summary>
    Configured,

    /// <summary>The reporter of the case (the setting).</summary>
    Reporter,

    /// <summary>Every parent/carer and every young person of the case with an email (§3.4.7, §3.6.2).</summary>
    AdviceAudience,
}
