using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email;

/// <summary>Turns a rendered email into a message ready to send, with its idempotency key.</summary>
public static class EmailMessageFactory
{
    /// <summary>
    /// The message for <paramref name="request"/>, rendered as <paramref name="email"/>, sent by workflow
    /// step <paramref name="step"/>, its key made by <paramref name="keys"/>.
    /// </summary>
    public static EmailMessage Create(EmailRequest request, ComposedEmail email, string step, EmailIdempotencyKey keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(email);
        var referralId = request.Case?.ReferralId;
        return new EmailMessage(
            request.Kind,
            referralId,
            keys.For(referralId, request.Kind, step, request.To),
            request.To,
            email.Subject,
            email.TextBody,
            email.HtmlBody);
    }
}
