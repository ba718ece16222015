namespace Sexting.Functions.Confirmation;

/// <summary>
/// The event of <see cref="Workflow.WorkflowEvents.ReporterConfirmed"/>: the id of the recorded link use.
/// The workflow believes the case store, not the event (contract §4.7).
/// </summary>
public sealed record ReporterConfirmedEvent(string UseId);
