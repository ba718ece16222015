namespace Sexting.Core.Referrals;

/// <summary>An adult reported as involved (§3.5.2: "adult involved as perpetrators").</summary>
public sealed record AdultInvolved(string? Name, string? Description);
