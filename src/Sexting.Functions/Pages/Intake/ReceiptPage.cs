using Sexting.Infrastructure.Email.Composition;

namespace Sexting.Functions.Pages.Intake;

/// <summary>
/// The answer to a form post to POST /api/referrals (contract §8, 202): the crime reference,
/// what happens next and the §3.2.3 reminder. No names.
/// </summary>
public sealed class ReceiptPage(PageLayout layout)
{
    /// <summary>The page's title.</summary>
    public const string Title = "Referral received";

    /// <summary>The receipt for a referral.</summary>
    public string Render(string crimeReference, string referralId, DateTimeOffset confirmBy)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(crimeReference);
        ArgumentException.ThrowIfNullOrWhiteSpace(referralId);
        return layout.Render(Title, nameof(ReceiptPage), new Model(Title, crimeReference, referralId, UkDates.Moment(confirmBy)));
    }

    /// <summary>What <c>ReceiptPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string CrimeReference, string ReferralId, string ConfirmBy);
}
