namespace Sexting.Functions.Workflow;

/// <summary>
/// The configured mailboxes of the case's force as intake put them in the orchestration's input before contract
/// §12's fix (<see cref="ReferralOrchestrationInput.Contacts"/>): kept so those inputs deserialize, not used.
/// </summary>
public sealed record WorkflowContacts(
    string AuthorisingManagerEmail,
    string EscalationEmail,
    string SafeguardingExpertEmail,
    string YouthTeamEmail,
    string InvestigationEmail);
