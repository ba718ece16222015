namespace Sexting.Functions.Authorisation;

/// <summary>
/// The payload of <see cref="Workflow.WorkflowEvents.Decision"/>: only the id of the use the app
/// recorded in the link store (contract §4.7). What was decided, and by whom, the workflow reads from
/// there; an event whose use the store does not hold changes nothing.
/// </summary>
public sealed record DecisionEvent(string UseId);
