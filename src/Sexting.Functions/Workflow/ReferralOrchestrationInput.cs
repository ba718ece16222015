using System.Text.Json.Serialization;

namespace Sexting.Functions.Workflow;

/// <summary>
/// Everything configurable the orchestration needs, computed from options at intake, so the
/// orchestrator itself reads no options (style.md, orchestrations rule 2) and a case keeps the
/// settings it started with. Not the force's mailboxes: the history names them by role only (contract §12),
/// and the activities read their addresses from configuration when they send.
/// </summary>
public sealed record ReferralOrchestrationInput(
    string ReferralId,
    string PublicBaseUrl,
    WorkflowTimeouts Timeouts,
    int SignificantAgeGapYears,
    ActivityRetry Retry)
{
    /// <summary>The shape of the workflow this instance runs (<see cref="WorkflowVersions"/>); absent in inputs of instances started before v2.</summary>
    public int Version { get; init; } = WorkflowVersions.Original;

    /// <summary>Contract §11 <c>Reporter:ConfirmWithin</c>, for <see cref="WorkflowVersions.ReporterConfirmation"/>.</summary>
    public TimeSpan ConfirmWithin { get; init; } = TimeSpan.FromDays(3);

    /// <summary>
    /// The force's mailboxes, in inputs of instances started before contract §12's fix; <c>null</c> (and not
    /// written) since. Read so that those inputs still deserialize, never used: every version names a mailbox
    /// by its role and the activity that sends reads its address from configuration.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WorkflowContacts? Contacts { get; init; }
}
