using Sexting.Core.Notifications;

namespace Sexting.Core.Cases;

/// <summary>
/// One email of a case that the mail service accepted (contract §10 "emails sent"): its kind, the
/// address it went to (personal data, sealed at rest, contract §12), when, and the idempotency key of
/// the message, which makes recording it idempotent.
/// </summary>
public sealed record SentEmail(EmailKind Kind, string To, DateTimeOffset At, string Key);
