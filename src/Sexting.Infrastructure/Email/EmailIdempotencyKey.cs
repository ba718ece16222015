using System.Security.Cryptography;
using System.Text;
using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email;

/// <summary>
/// Idempotency keys of email (contract §4.6: none sent twice for one step). A key names the
/// referral, the kind, the workflow step and the recipient; the recipient's address is hashed so
/// that keys, outbox file names and SendGrid <c>custom_args</c> carry no address.
/// </summary>
public static class EmailIdempotencyKey
{
    /// <summary>The key of one message.</summary>
    /// <param name="referralId">The referral; null only for <see cref="EmailKind.PolicyReviewReminder"/>.</param>
    /// <param name="kind">The kind of message.</param>
    /// <param name="step">The workflow step that sends it, unique within the referral and kind
    /// (for example <c>"request-1"</c>, or the date of a daily reminder).</param>
    /// <param name="recipient">The recipient's address, compared without case.</param>
    public static string For(string? referralId, EmailKind kind, string step, string recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        return string.Join(
            ':',
            string.IsNullOrEmpty(referralId) ? "policy" : referralId,
            kind.ToString(),
            step,
            Hash(recipient.Trim().ToUpperInvariant())[..16]);
    }

    /// <summary>SHA-256 of <paramref name="value"/>, lower-case hex: a fixed-length, file- and key-safe form.</summary>
    internal static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
