namespace Sexting.Core.Referrals;

/// <summary>A young person involved. <paramref name="AgeOnDiscovery"/> is in whole years on the discovery date.</summary>
public sealed record YoungPerson(
    string Reference,
    string Name,
    DateOnly DateOfBirth,
    int AgeOnDiscovery,
    YoungPersonRole Role,
    string? Email,
    ParentCarer? ParentCarer);
