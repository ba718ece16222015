namespace Sexting.Core.Assessment;

/// <summary>A safeguarding concern and why it was raised.</summary>
public sealed record SafeguardingConcern(SafeguardingConcernCode Code, string Reason);
