using Sexting.Core.Assessment;

namespace Sexting.Functions.Assessment;

/// <summary>What the orchestration needs from the assessment: the route and whether to alert safeguarding.</summary>
public sealed record AssessReferralResult(Route Route, bool HasSafeguardingConcerns);
