using Sexting.Core.Cases;

namespace Sexting.Core.Notifications;

/// <summary>
/// What an email is to say: its kind, its recipient, the case (absent only for
/// <see cref="EmailKind.PolicyReviewReminder"/>) and the few facts some kinds add.
/// </summary>
public sealed record EmailRequest(EmailKind Kind, string To, CaseRecord? Case)
{
    /// <summary>The recipient's name, when known (a parent or carer, a young person).</summary>
    public string? RecipientName { get; init; }

    /// <summary>For <see cref="EmailKind.AdviceGuidance"/>: which version.</summary>
    public AdviceAudience? Audience { get; init; }

    /// <summary>The decision or education-delivered link, absolute.</summary>
    public Uri? Link { get; init; }

    /// <summary>When <see cref="Link"/> expires.</summary>
    public DateTimeOffset? LinkExpiresAt { get; init; }

    /// <summary>When education and intervention are due.</summary>
    public DateTimeOffset? DueBy { get; init; }

    /// <summary>The person who acted: the manager who consulted or declined.</summary>
    public string? ActorName { get; init; }

    /// <summary>Their rationale or note.</summary>
    public string? Rationale { get; init; }

    /// <summary>For <see cref="EmailKind.PolicyReviewReminder"/>: the review date reached (§5.1).</summary>
    public DateOnly? PolicyReviewDate { get; init; }
}
