namespace Sexting.Core.Referrals;

/// <summary>
/// The result of parsing a referral: the referral, or every error found, keyed by JSON path
/// (<c>youngPeople[0].dateOfBirth</c>), as RFC 9457 problem details carry them.
/// </summary>
public sealed record ReferralParseResult(Referral? Referral, IReadOnlyDictionary<string, string[]> Errors)
{
    /// <summary>Whether the input was a valid referral.</summary>
    public bool IsValid => Referral is not null;
}
