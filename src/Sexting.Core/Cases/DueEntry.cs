namespace Sexting.Core.Cases;

/// <summary>An entry of the due index: something of a case that falls due at a time.</summary>
public sealed record DueEntry(string ReferralId, DueKind Kind, DateTimeOffset DueAt);
