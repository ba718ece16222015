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
    ActivityRetry Retry)
{
    /// <summary>The shape of the workflow this instance runs (<see cref="WorkflowVersions"/>); absent in inputs of instances started before v2.</summary>
    public int Version { get; init; } = WorkflowVersions.Original;

    /// <summary>Contract §11 <c>Reporter:ConfirmWithin</c>, for <see cref="WorkflowVersions.ReporterConfirmation"/>.</summary>
    public TimeSpan ConfirmWithin { get; init; } = TimeSpan.FromDays(3);
}
