namespace Sexting.Functions.Notifications;

/// <summary>
/// A mailbox of the case's force (contract §1 <c>Forces:&lt;force&gt;:*</c>), named by its role. Durable inputs
/// carry this code, not the address (contract §12): the activity that sends reads the address from
/// configuration, for the case's force, when it sends (<see cref="StaffMailboxes"/>). The values are stored in
/// durable history: never renumber them.
/// </summary>
public enum StaffMailbox
{
    /// <summary><c>AuthorisingManagerEmail</c>: line manager(s) who authorise Outcome 21 (§3.4.3).</summary>
    AuthorisingManager = 0,

    /// <summary><c>EscalationEmail</c>: asked when the manager has not answered.</summary>
    Escalation = 1,

    /// <summary><c>SafeguardingExpertEmail</c>: Public Protection Unit DS or equivalent (§3.4.3).</summary>
    SafeguardingExpert = 2,

    /// <summary><c>YouthTeamEmail</c>: who delivers education and intervention (§3.4.8, §3.4.9).</summary>
    YouthTeam = 3,

    /// <summary><c>InvestigationEmail</c>: where aggravated cases go (§1.2.2, §3.5).</summary>
    Investigation = 4,
}
