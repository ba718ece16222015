namespace Sexting.Functions.Authorisation;

/// <summary>Record Outcome 21 authorised at <paramref name="At"/> by the manager who typed <paramref name="ManagerName"/> at the link sent to <paramref name="SentTo"/>.</summary>
public sealed record RecordAuthorisationInput(string ReferralId, DateTimeOffset At, string ManagerName, string SentTo, string Rationale, DateTimeOffset DueBy);
