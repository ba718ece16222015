namespace Sexting.Functions.Confirmation;

/// <summary>Ask whether the reporter of a case has confirmed; when <paramref name="DeadlinePassed"/>, make the case unconfirmed if not.</summary>
public sealed record SettleConfirmationInput(string ReferralId, bool DeadlinePassed, DateTimeOffset At);
