namespace Sexting.Functions.Workflow;

/// <summary>The configured mailboxes of the case's force, fixed at intake (contract §1).</summary>
public sealed record WorkflowContacts(
    string AuthorisingManagerEmail,
    string EscalationEmail,
    string SafeguardingExpertEmail,
    string YouthTeamEmail,
    string InvestigationEmail);
