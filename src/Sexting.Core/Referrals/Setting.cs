namespace Sexting.Core.Referrals;

/// <summary>The school or college that reports.</summary>
public sealed record Setting(string Name, string? Urn, string? Postcode);
