using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;

namespace Sexting.Functions.Notifications;

/// <summary>
/// An email that carries a decision or education-delivered link. The token is issued inside the
/// activity so the raw token never enters orchestration history; only its hash is stored. The recipient:
/// the reporter for <see cref="LinkPurpose.ReporterConfirmation"/>, else <see cref="Mailbox"/>, else
/// <paramref name="To"/> (inputs scheduled before contract §12's fix, and the review timer's, which is not durable).
/// </summary>
public sealed record SendLinkEmailInput(
    string ReferralId,
    EmailKind Kind,
    LinkPurpose Purpose,
    string Step,
    string? To,
    string PublicBaseUrl,
    DateTimeOffset At,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? DueBy,
    TimelineEvent Event,
    string Detail)
{
    /// <summary>In <see cref="Detail"/>, replaced by the address of <see cref="Mailbox"/>, read when the email is sent.</summary>
    public const string MailboxPlaceholder = SendEmailInput.MailboxPlaceholder;

    /// <summary>
    /// The mailbox of the case's force the link goes to, by its role: its address is read from configuration when
    /// the email is sent, so none enters the durable history (contract §12). <c>null</c> in inputs scheduled before,
    /// which gave the address in <see cref="To"/> (still honoured).
    /// </summary>
    public StaffMailbox? Mailbox { get; init; }

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
