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
    /// <summary>The manager who consulted or declined.</summary>
    public string? ActorName { get; init; }

    /// <summary>Their rationale.</summary>
    public string? Rationale { get; init; }

    /// <summary>When education and intervention are due.</summary>
    public DateTimeOffset? DueBy { get; init; }
}
