using Sexting.Core.Cases;
using Sexting.Core.Notifications;

namespace Sexting.Functions.Notifications;

/// <summary>
/// One email step of the workflow. <paramref name="Step"/> is deterministic (a name or a counter)
/// so a retried step has the same idempotency key and timeline key, and sends once.
/// </summary>
public sealed record SendEmailInput(
    string ReferralId,
    EmailKind Kind,
    string Step,
    EmailRecipient Recipient,
    string? To,
    DateTimeOffset At,
    TimelineEvent Event,
    string Detail)
{
    /// <summary>In <see cref="Detail"/>, replaced by who used the link, "Name (email)", read from the link store.</summary>
    public const string ByPlaceholder = "{by}";

    /// <summary>In <see cref="Detail"/>, replaced by the address the used link went to.</summary>
    public const string SentToPlaceholder = "{sentTo}";

    /// <summary>In <see cref="Detail"/>, replaced by the address of <see cref="Mailbox"/>, read when the email is sent.</summary>
    public const string MailboxPlaceholder = "{mailbox}";

    /// <summary>
    /// For <see cref="EmailRecipient.Configured"/>: the mailbox of the case's force to write to, by its role. Its
    /// address is read from configuration when the email is sent, so none enters the durable history (contract
    /// §12). <c>null</c> in inputs scheduled before, which gave the address in <see cref="To"/> (still honoured).
    /// </summary>
    public StaffMailbox? Mailbox { get; init; }

    /// <summary>
    /// The recorded use of an authorisation link (consult or decline) whose person and rationale the
    /// email carries: read from the link store, so they never enter the durable history (contract §12).
    /// </summary>
    public string? UseId { get; init; }

    /// <summary>Inputs scheduled before contract §12 named the manager here; still honoured for those instances.</summary>
    public string? ActorName { get; init; }

    /// <summary>Inputs scheduled before contract §12 carried the rationale here; still honoured for those instances.</summary>
    public string? Rationale { get; init; }

    /// <summary>When education and intervention are due.</summary>
    public DateTimeOffset? DueBy { get; init; }
}
