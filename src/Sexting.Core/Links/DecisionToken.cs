using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Sexting.Core.Links;

/// <summary>
/// The secret in a decision link: the referral id and 256 random bits. Only its SHA-256 hash is
/// ever stored, so a copy of the store yields no working link; changing any character gives a
/// token whose hash matches nothing.
/// </summary>
public sealed record DecisionToken
{
    private const int SecretBytes = 32;
    private const int SecretChars = 43; // base64url of 32 bytes, unpadded

    private DecisionToken(string referralId, string secret)
    {
        ReferralId = referralId;
        Secret = secret;
    }

    /// <summary>The referral the token was issued for.</summary>
    public string ReferralId { get; }

    /// <summary>The random part.</summary>
    public string Secret { get; }

    /// <summary>The token as it appears in a link.</summary>
    public string Value => ReferralId + "." + Secret;

    /// <summary>The SHA-256 hash of <see cref="Value"/>, lower-case hex: what the store keeps.</summary>
    public string Hash => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(Value)));

    /// <summary>A new token for a referral, from the system's cryptographic random number generator.</summary>
    public static DecisionToken Issue(string referralId)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }

        return new DecisionToken(referralId, Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes)));
    }

    /// <summary>Parses a token from a link; false for anything not of the token's shape.</summary>
    public static bool TryParse(string? value, out DecisionToken? token)
    {
        token = null;
        if (value is null || value.Length != ReferralIds.Length + 1 + SecretChars || value[ReferralIds.Length] != '.')
        {
            return false;
        }

        var referralId = value[..ReferralIds.Length];
        var secret = value[(ReferralIds.Length + 1)..];
        if (!ReferralIds.IsValid(referralId) || !secret.All(IsBase64UrlChar))
        {
            return false;
        }

        token = new DecisionToken(referralId, secret);
        return true;
    }

    private static bool IsBase64UrlChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}
