using Microsoft.AspNetCore.Http;
using Sexting.Core.Cases;
using Sexting.Infrastructure.Email.Composition;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Infrastructure.Pages.Confirmation;

/// <summary>
/// The reporter's confirmation link (contract §11): the page a GET shows (a button, no JavaScript,
/// nothing of the case but its crime reference: anyone holding the link sees it), the page after the
/// POST, and the answers for a link that cannot be used.
/// </summary>
public sealed class ReporterConfirmationPage(PageLayout layout)
{
    /// <summary>The page's title.</summary>
    public const string Title = "Confirm your email address";

    /// <summary>The title after confirming.</summary>
    public const string ConfirmedTitle = "Email address confirmed";

    /// <summary>The page with the confirm button.</summary>
    public string Render(CaseRecord record, string token, DateTimeOffset confirmBy)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentException.ThrowIfNullOrWhiteSpace(token);
        var action = "/api/confirmations/" + Uri.EscapeDataString(token);
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">Crime reference {Html.E(record.CrimeReference)}</span>
                <h1 class="govuk-heading-l">{Title}</h1>
                <p class="govuk-body">A referral was made with this email address. Before the police write to the setting, to parents or carers, or ask a manager to decide the outcome, we need to know that the referral really came from you.</p>
                <p class="govuk-body">Confirm by <strong>{Html.E(UkDates.Moment(confirmBy))}</strong>. If you do not, the referral is closed as unconfirmed and nothing more is sent. A safeguarding concern you reported has already been passed to the police.</p>
                <p class="govuk-body">If you did not make this referral, do not confirm. You can close this page.</p>
                <form method="post" action="{Html.E(action)}" enctype="application/x-www-form-urlencoded">
                  <button type="submit" class="govuk-button" data-module="govuk-button" data-prevent-double-click="true">Confirm my email address</button>
                </form>
              </div>
            </div>
            """;
        return layout.Render(Title, main);
    }

    /// <summary>The page after the POST.</summary>
    public string RenderConfirmed(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                  <h1 class="govuk-panel__title">{ConfirmedTitle}</h1>
                  <div class="govuk-panel__body">Crime reference<br><strong class="app-crime-reference">{Html.E(record.CrimeReference)}</strong></div>
                </div>
                <p class="govuk-body">Thank you. The police will now deal with your referral and will email you the outcome.</p>
                <p class="govuk-body">If a child is in immediate danger, call 999.</p>
              </div>
            </div>
            """;
        return layout.Render(ConfirmedTitle, main);
    }

    /// <summary>The answer for a link that cannot confirm: 404 unknown, 410 expired, used or no longer awaiting.</summary>
    public HtmlPageResult Problem(LinkProblem problem)
    {
        var (title, explanation) = problem switch
        {
            LinkProblem.Unknown => ("This link is not recognised",
                "The link may have been copied incompletely, or it is not a link we sent. Check that you used the whole link from the email."),
            LinkProblem.AlreadyUsed => ("This email address is already confirmed",
                "The link has been used already. Nothing more is needed from you."),
            _ => ("This link can no longer be used",
                "The time to confirm this referral has passed, so it was closed as unconfirmed and nothing more was sent. If the referral came from you, make it again with the form and confirm when the email arrives."),
        };
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <h1 class="govuk-heading-l">{Html.E(title)}</h1>
                <p class="govuk-body">{Html.E(explanation)}</p>
                <p class="govuk-body">If a child is in immediate danger, call 999.</p>
              </div>
            </div>
            """;
        return new HtmlPageResult(layout.Render(title, main),
            problem == LinkProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone);
    }
}
