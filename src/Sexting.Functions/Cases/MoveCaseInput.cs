using Sexting.Core.Cases;

namespace Sexting.Functions.Cases;

/// <summary>Move a case to <paramref name="To"/> and append one timeline entry (optional) with a deterministic key.</summary>
public sealed record MoveCaseInput(string ReferralId, CaseStatus To, DateTimeOffset At, TimelineEvent? Event, string? Detail, string? TimelineKey)
{
    /// <summary>
    /// For <see cref="TimelineEvent.Declined"/>: the recorded use of the authorisation link, whose person
    /// and rationale make the entry's detail, read from the link store (contract §12).
    /// </summary>
    public string? UseId { get; init; }

    /// <summary>
    /// Workflow v5 (<see cref="Workflow.WorkflowVersions.OneActivityPerStep"/>): the email that follows the
    /// move (the investigation referral, §1.2.2, §3.5), sent in the same activity after the move.
    /// </summary>
    public Notifications.SendEmailInput? ThenEmail { get; init; }

    /// <summary>
    /// The status the move starts from, for a move without a timeline entry: a case found in another status
    /// (not <see cref="To"/>) was moved by an earlier attempt and by staff since (returned, accepted), and is left
    /// as it is. <c>null</c> in inputs scheduled before, and for a move with an entry (its key tells).
    /// </summary>
    public CaseStatus? From { get; init; }
}
