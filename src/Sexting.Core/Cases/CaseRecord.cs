using Sexting.Core.Assessment;
using Sexting.Core.Referrals;

namespace Sexting.Core.Cases;

/// <summary>
/// A case as stored: the referral, its crime reference, its status and what the workflow has
/// decided so far. <see cref="Version"/> is the store's concurrency token (an ETag); an update
/// made from a stale version fails with <see cref="ConcurrencyConflictException"/>.
/// </summary>
public sealed record CaseRecord(
    string ReferralId,
    string CrimeReference,
    CaseStatus Status,
    DateTimeOffset ReceivedAt,
    Referral Referral,
    ReferralAssessment? Assessment,
    OutcomeRecord? Outcome,
    EducationRecord? Education,
    string? Version)
{
    /// <summary>The force the case belongs to.</summary>
    public ForceArea ForceArea => Referral.ForceArea;

    /// <summary>The same case in <paramref name="status"/>, if the state machine allows the move.</summary>
    /// <exception cref="InvalidCaseTransitionException">The move is not allowed.</exception>
    public CaseRecord MoveTo(CaseStatus status)
    {
        CaseStateMachine.EnsureAllowed(Status, status);
        return this with { Status = status };
    }
}
