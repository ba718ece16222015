using Sexting.Core.Cases;

namespace Sexting.Functions.Workflow;

/// <summary>Where the orchestration left the case.</summary>
public sealed record ReferralOrchestrationResult(CaseStatus Status);
