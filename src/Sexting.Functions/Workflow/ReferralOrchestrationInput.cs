namespace Sexting.Functions.Workflow;

/// <summary>
/// Everything configurable the orchestration needs, computed from options at intake, so the
/// orchestrator itself reads no options (style.md, orchestrations rule 2) and a case keeps the
/// settings it started with.
/// </summary>
public sealed record ReferralOrchestrationInput(
    string ReferralId,
    string PublicBaseUrl,
    WorkflowContacts Contacts,
    WorkflowTimeouts Timeouts,
    int SignificantAgeGapYears,
    ActivityRetry Retry);
