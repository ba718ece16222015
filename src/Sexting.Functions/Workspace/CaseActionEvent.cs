namespace Sexting.Functions.Workspace;

/// <summary>
/// The payload of <see cref="Workflow.WorkflowEvents.CaseAction"/>: only the action's code (contract §12).
/// A v4 orchestration reads the case from the store when it arrives and acts only on what was recorded (§4.7).
/// </summary>
public sealed record CaseActionEvent(string Action);
