using System.Security.Cryptography;
using System.Text;

namespace Sexting.Core.Links;

/// <summary>
/// Referral ids: 32 lower-case hex digits. A submission with a <c>submissionId</c> gets an id
/// derived from it, so a resubmission lands on the same case (contract §2 idempotency);
/// one without gets a random id.
/// </summary>
public static class ReferralIds
{
    /// <summary>The length of a referral id.</summary>
    public const int Length = 32;

    /// <summary>The referral id for a submission id: the same every time.</summary>
    public static string ForSubmission(Guid submissionId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes("sexting-submission:" + submissionId.ToString("D"))).AsSpan(0, 16));

    /// <summary>A new random referral id.</summary>
    public static string NewRandom() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Whether <paramref name="value"/> has the shape of a referral id.</summary>
    public static bool IsValid(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
