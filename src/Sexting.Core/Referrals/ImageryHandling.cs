namespace Sexting.Core.Referrals;

/// <summary>What the setting did with the imagery (§3.2.3: it must not copy or store it).</summary>
public sealed record ImageryHandling(bool ViewedBySetting, bool CopiedOrStoredBySetting);
