namespace Sexting.Functions.Authorisation;

/// <summary>
/// Workflow v3: the decision a <see cref="DecisionEvent"/> names by its use id, to be read from the link
/// store and, when it authorises, recorded as authorised at <paramref name="At"/> with education due by
/// <paramref name="DueBy"/>. Ids and times only (contract §12).
/// </summary>
public sealed record RecordDecisionInput(string ReferralId, string? UseId, DateTimeOffset At, DateTimeOffset DueBy)
{
    /// <summary>
    /// Workflow v5 (<see cref="Workflow.WorkflowVersions.OneActivityPerStep"/>): the three emails of an
    /// authorisation (§3.4.7-§3.4.9, §3.6.2), sent in the same activity once the authorisation is recorded;
    /// never for a decline or a consultation.
    /// </summary>
    public Notifications.SendFanOutInput? FanOut { get; init; }
}
