namespace Sexting.Functions.Authorisation;

/// <summary>The payload of <see cref="Workflow.WorkflowEvents.Decision"/>: the decision, the name typed, and the address the link was sent to.</summary>
public sealed record DecisionEvent(DecisionKind Decision, string ManagerName, string? Rationale, string SentTo);
