namespace Sexting.Core.Referrals;

/// <summary>A parent or carer of a young person.</summary>
public sealed record ParentCarer(string? Name, string? Email);
