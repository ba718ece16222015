namespace Sexting.Core.Links;

/// <summary>
/// A decision link as stored: never the token, only its hash; the referral and purpose it is
/// bound to; to whom it was sent; when it expires; and when it was used or closed.
/// </summary>
public sealed record DecisionLink(
    string TokenHash,
    string ReferralId,
    LinkPurpose Purpose,
    string SentTo,
    DateTimeOffset IssuedAt,
    DateTimeOffset ExpiresAt,
    DateTimeOffset? ClosedAt);
