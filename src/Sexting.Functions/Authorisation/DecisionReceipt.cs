namespace Sexting.Functions.Authorisation;

/// <summary>The JSON answer to a decision (contract §5, <c>Accept: application/json</c>).</summary>
public sealed record DecisionReceipt(string ReferralId, string CrimeReference, string Decision);
