namespace Sexting.Functions.Workflow;

/// <summary>The names of the external events the referral orchestration waits for.</summary>
public static class WorkflowEvents
{
    /// <summary>A line manager's decision on Outcome 21 (§3.4.3), carrying a <see cref="Authorisation.DecisionEvent"/>.</summary>
    public const string Decision = "Decision";

    /// <summary>The youth team confirms education and intervention were delivered (§3.4.7), carrying a <see cref="Education.EducationDeliveredEvent"/>.</summary>
    public const string EducationDelivered = "EducationDelivered";

    /// <summary>The reporter confirmed their address (contract §11); carries nothing, the case store says whether it happened.</summary>
    public const string ReporterConfirmed = "ReporterConfirmed";

    /// <summary>A workspace action changed the case (contract §10), carrying a <see cref="Workspace.CaseActionEvent"/> (the action's code only).</summary>
    public const string CaseAction = "CaseAction";
}
