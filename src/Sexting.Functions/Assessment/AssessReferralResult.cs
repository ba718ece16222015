using Sexting.Core.Assessment;

namespace Sexting.Functions.Assessment;

/// <summary>What the orchestration needs from the assessment: the route and whether to alert safeguarding.</summary>
public sealed record AssessReferralResult(Route Route, bool HasSafeguardingConcerns)
{
    /// <summary>
    /// Workflow v5 (<see cref="AcknowledgeAndAssessActivity"/>): the expiry of the confirmation link the acknowledgement
    /// carries, the reporter's deadline (contract §11), later than the one scheduled when the step was late. <c>null</c>
    /// from <see cref="AssessReferralActivity"/>, and in results recorded before it existed: the scheduled deadline stands.
    /// </summary>
    public DateTimeOffset? ConfirmBy { get; init; }
}
