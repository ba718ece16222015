namespace Sexting.Functions.Authorisation;

/// <summary>
/// Workflow v3: the decision a <see cref="DecisionEvent"/> names by its use id, to be read from the link
/// store and, when it authorises, recorded as authorised at <paramref name="At"/> with education due by
/// <paramref name="DueBy"/>. Ids and times only (contract §12).
/// </summary>
public sealed record RecordDecisionInput(string ReferralId, string? UseId, DateTimeOffset At, DateTimeOffset DueBy);
