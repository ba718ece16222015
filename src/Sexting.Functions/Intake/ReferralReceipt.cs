namespace Sexting.Functions.Intake;

/// <summary>The body of a 202 (or 200 for a repeated submission) of contract §2.</summary>
public sealed record ReferralReceipt(string ReferralId, string CrimeReference, string Status, string StatusUrl)
{
    public static string StatusUrlOf(string referralId) => "/api/referrals/" + referralId;
}
