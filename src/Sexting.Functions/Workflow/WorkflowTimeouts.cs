namespace Sexting.Functions.Workflow;

/// <summary>The waits of the workflow, fixed at intake from options (contract §1).</summary>
public sealed record WorkflowTimeouts(
    TimeSpan ReminderAfter,
    TimeSpan EscalateAfter,
    TimeSpan LinkLifetime,
    TimeSpan EducationDueAfter);
