namespace Sexting.Core.Notifications;

/// <summary>
/// A message ready to send. <paramref name="IdempotencyKey"/> (referral, kind, step and
/// recipient) identifies it: sending the same key twice delivers it once.
/// </summary>
public sealed record EmailMessage(
    EmailKind Kind,
    string? ReferralId,
    string IdempotencyKey,
    string To,
    string Subject,
    string TextBody,
    string HtmlBody);
