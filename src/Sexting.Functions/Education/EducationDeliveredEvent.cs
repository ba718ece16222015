namespace Sexting.Functions.Education;

/// <summary>The payload of <see cref="Workflow.WorkflowEvents.EducationDelivered"/>.</summary>
public sealed record EducationDeliveredEvent(string OfficerName, string? Notes, string SentTo);
