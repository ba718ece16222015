namespace Sexting.Functions.Confirmation;

/// <summary>The JSON answer to a confirmation (contract §11, <c>Accept: application/json</c>).</summary>
public sealed record ConfirmationReceipt(string ReferralId, string CrimeReference, DateTimeOffset ConfirmedAt);
