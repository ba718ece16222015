using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Storage;

namespace Sexting.Infrastructure.Email;

/// <summary>
/// Idempotency keys of email (contract §4.6: none sent twice for one step). A key names the
/// referral, the kind, the workflow step and the recipient. The recipient is a keyed hash
/// (HMAC-SHA256 under a key derived from the secret <see cref="TableStorageOptions.IndexKey"/> with
/// its own <see cref="KeyPurpose"/>), so that keys, outbox file names and SendGrid <c>custom_args</c>
/// carry no address, and a copy of the tables cannot confirm a guessed one (contract §12).
/// Changing the secret or <see cref="KeyPurpose"/> changes every key: a step in flight would send again.
/// </summary>
public sealed class EmailIdempotencyKey
{
    /// <summary>The HKDF <c>info</c>: binds the derived key to this one use of the secret.</summary>
    internal const string KeyPurpose = "Sexting email recipient v1";

    private readonly IndexKeyedHash _recipients;

    public EmailIdempotencyKey(IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _recipients = new IndexKeyedHash(options.Value, KeyPurpose);
    }

    /// <summary>The key of one message.</summary>
    /// <param name="referralId">The referral; null only for <see cref="EmailKind.PolicyReviewReminder"/>.</param>
    /// <param name="kind">The kind of message.</param>
    /// <param name="step">The workflow step that sends it, unique within the referral and kind
    /// (for example <c>"request-1"</c>, or the date of a daily reminder).</param>
    /// <param name="recipient">The recipient's address, compared without case.</param>
    public string For(string? referralId, EmailKind kind, string step, string recipient)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipient);
        return string.Join(
            ':',
            string.IsNullOrEmpty(referralId) ? "policy" : referralId,
            kind.ToString(),
            step,
            Recipient(recipient));
    }

    /// <summary>SHA-256 of <paramref name="value"/>, lower-case hex: a fixed-length, file- and key-safe form.</summary>
    internal static string Hash(string value) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    // 16 hex digits (64 bits) of the keyed hash: the key's shape is unchanged from the unkeyed form.
    private string Recipient(string recipient) => _recipients.Hex(recipient.Trim().ToUpperInvariant())[..16];
}
