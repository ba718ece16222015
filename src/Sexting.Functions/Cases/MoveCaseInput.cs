using Sexting.Core.Cases;

namespace Sexting.Functions.Cases;

/// <summary>Move a case to <paramref name="To"/> and append one timeline entry (optional) with a deterministic key.</summary>
public sealed record MoveCaseInput(string ReferralId, CaseStatus To, DateTimeOffset At, TimelineEvent? Event, string? Detail, string? TimelineKey);
