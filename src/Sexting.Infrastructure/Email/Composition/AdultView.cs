namespace Sexting.Infrastructure.Email.Composition;

/// <summary>An adult reported as involved (§3.5.2), for the investigation referral.</summary>
internal sealed record AdultView(string? Name, string? Description);
