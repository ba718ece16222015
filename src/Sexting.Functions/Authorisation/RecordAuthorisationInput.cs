namespace Sexting.Functions.Authorisation;

/// <summary>
/// Record Outcome 21 authorised at <paramref name="At"/> by <paramref name="AuthorisedBy"/> (the
/// signed-in manager as the link store recorded them, "Name (email)") at the link sent to <paramref name="SentTo"/>.
/// </summary>
public sealed record RecordAuthorisationInput(string ReferralId, DateTimeOffset At, string AuthorisedBy, string SentTo, string Rationale, DateTimeOffset DueBy);
