namespace Sexting.Core.Referrals;

/// <summary>The person who reports, usually the designated safeguarding lead.</summary>
public sealed record Reporter(string Name, ReporterRole Role, string Email, string? Phone);
