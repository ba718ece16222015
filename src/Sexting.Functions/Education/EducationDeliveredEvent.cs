namespace Sexting.Functions.Education;

/// <summary>The payload of <see cref="Workflow.WorkflowEvents.EducationDelivered"/>: the id of the recorded use only (contract §4.7).</summary>
public sealed record EducationDeliveredEvent(string UseId);
