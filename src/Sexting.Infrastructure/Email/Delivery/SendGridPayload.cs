using System.Text.Json;
using System.Text.Json.Nodes;
using SendGrid.Helpers.Mail;
using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>
/// The SendGrid v3 <c>mail/send</c> payload of a message (contract §6), the same in both modes:
/// text/plain then text/html, <c>custom_args</c> with the kind, the referral (absent for the
/// policy review reminder) and the idempotency key. Click and open tracking are off: SendGrid
/// would otherwise rewrite the decision links through its own domain and add a tracking pixel.
/// </summary>
internal static class SendGridPayload
{
    public const string KindArg = "kind";
    public const string ReferralIdArg = "referralId";
    public const string IdempotencyKeyArg = "idempotencyKey";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static SendGridMessage Create(EmailMessage message, EmailOptions options)
    {
        ArgumentNullException.ThrowIfNull(message);
        ArgumentNullException.ThrowIfNull(options);
        EnsureSingleLine(message.Subject, "subject");
        EnsureSingleLine(message.To, "recipient");

        var mail = new SendGridMessage();
        mail.SetFrom(new EmailAddress(options.From, options.FromName));
        mail.AddTo(new EmailAddress(message.To));
        mail.SetGlobalSubject(message.Subject);
        mail.AddContent("text/plain", message.TextBody);
        mail.AddContent("text/html", message.HtmlBody);
        mail.SetClickTracking(false, false);
        mail.SetOpenTracking(false);
        mail.CustomArgs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [KindArg] = message.Kind.ToString(),
            [IdempotencyKeyArg] = message.IdempotencyKey,
        };
        if (message.ReferralId is { } referralId)
        {
            mail.CustomArgs[ReferralIdArg] = referralId;
        }

        return mail;
    }

    /// <summary>The payload as indented JSON, for a person reading the outbox.</summary>
    public static string ToIndentedJson(SendGridMessage mail) =>
        JsonNode.Parse(mail.Serialize())!.ToJsonString(Indented);

    // A line break in a header value would start a header of the sender's choosing.
    private static void EnsureSingleLine(string value, string what)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Any(char.IsControl))
        {
            throw new ArgumentException($"The email {what} is empty or contains a control character.", nameof(value));
        }
    }
}
