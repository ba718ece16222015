using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;

namespace Sexting.Functions.Notifications;

/// <summary>
/// An email that carries a decision or education-delivered link. The token is issued inside the
/// activity so the raw token never enters orchestration history; only its hash is stored.
/// </summary>
public sealed record SendLinkEmailInput(
    string ReferralId,
    EmailKind Kind,
    LinkPurpose Purpose,
    string Step,
    string To,
    string PublicBaseUrl,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DueBy,
    TimelineEvent Event,
    string Detail)
{
    /// <summary>
    /// Workflow v3: the status the case moves to before the email goes (idempotent: a case already
    /// there is left alone); <c>null</c> for none, as in every input of earlier versions.
    /// </summary>
    public CaseStatus? MoveTo { get; init; }

    /// <summary>
    /// A later round of the same decision (contract §3: a declined case returned to the Outcome 21 route, SA028
    /// §3.5.1): the earlier rounds' decision is kept as history and no longer closes this round's links
    /// (<see cref="Sexting.Core.Links.IDecisionLinkStore.ReopenAsync"/>). <c>false</c> in every input of earlier versions.
    /// </summary>
    public bool Reopen { get; init; }
}
