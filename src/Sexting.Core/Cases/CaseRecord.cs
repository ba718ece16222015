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
    /// <summary>
    /// The reporter's confirmation (contract §11); <c>null</c> for a case recorded before
    /// confirmation existed, which is taken as confirmed and trusted.
    /// </summary>
    public ReporterConfirmation? Confirmation { get; init; }

    /// <summary>The investigation as worked in the workspace (contract §10); <c>null</c> until accepted.</summary>
    public InvestigationRecord? Investigation { get; init; }

    /// <summary>The safeguarding expert's advice after consultations (§3.4.3; contract §10), oldest first.</summary>
    public IReadOnlyList<SafeguardingAdvice> Advice { get; init; } = [];

    /// <summary>Whether the reporter has confirmed their address (or the case predates confirmation).</summary>
    public bool ReporterConfirmed => Confirmation is null || Confirmation.ConfirmedAt is not null;

    /// <summary>Whether the referral counts towards repeat offending of later referrals (contract §3, §11).</summary>
    public ReferralStanding Standing =>
        Status == CaseStatus.Unconfirmed ? ReferralStanding.Unconfirmed
        : ReporterConfirmed ? ReferralStanding.Confirmed
        : ReferralStanding.AwaitingConfirmation;

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
