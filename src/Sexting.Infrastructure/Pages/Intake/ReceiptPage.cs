namespace Sexting.Infrastructure.Pages.Intake;

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
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                  <h1 class="govuk-panel__title">{Title}</h1>
                  <div class="govuk-panel__body">Your crime reference is<br><strong class="app-crime-reference">{Html.E(crimeReference)}</strong></div>
                </div>
                <p class="govuk-body">Keep this reference. Quote it whenever you contact the police about this incident.</p>
                <h2 class="govuk-heading-m">You must confirm your email address</h2>
                <div class="govuk-inset-text app-confirm-by">
                  We have emailed you a link. Open it and press "Confirm my email address" by <strong>{Html.E(Email.Composition.UkDates.Moment(confirmBy))}</strong>.
                  Until you confirm, the police do not ask a manager to decide the outcome and write to nobody else. If you do not confirm in time, the referral is closed as unconfirmed.
                </div>
                <p class="govuk-body govuk-!-font-size-16">Referral number: <span class="app-crime-reference">{Html.E(referralId)}</span></p>
                <h2 class="govuk-heading-m">What happens next</h2>
                <ol class="govuk-list govuk-list--number">
                  <li>The report has been recorded as a crime, as every report must be (SA028 3.2.1).</li>
                  <li>The police assess it against the aggravating factors of the policy (SA028 3.5). If you told us about a safeguarding concern, a safeguarding expert is alerted now, before you confirm.</li>
                  <li>Once you have confirmed, if there are no aggravating factors, a police manager is asked to authorise dealing with it through education and intervention rather than prosecution (Outcome 21, SA028 3.4).</li>
                  <li>We will email you the outcome. Parents and carers receive advice and guidance, and the police youth team will contact you about education and support.</li>
                </ol>
                <h2 class="govuk-heading-m">Until then</h2>
                <div class="govuk-warning-text">
                  <span class="govuk-warning-text__icon" aria-hidden="true">!</span>
                  <strong class="govuk-warning-text__text">
                    <span class="govuk-visually-hidden">Warning</span>
                    Nobody should take, keep, copy or forward a copy of the images, on any device &ndash; doing so may itself be an offence. This includes staff, young people and parents or carers (SA028 3.2.3).
                  </strong>
                </div>
                <p class="govuk-body">Further advice and support about sexting is on your force’s website.</p>
                <p class="govuk-body">If a child is in immediate danger, call 999.</p>
              </div>
            </div>
            """;
        return layout.Render(Title, main);
    }
}
