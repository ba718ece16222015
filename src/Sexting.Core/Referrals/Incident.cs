namespace Sexting.Core.Referrals;

/// <summary>What happened and when the setting found out.</summary>
public sealed record Incident(DateOnly DiscoveredOn, string Summary, bool SharedBeyondIntendedRecipient);
