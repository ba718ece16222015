using Microsoft.AspNetCore.Http;
using Sexting.Core.Cases;
using Sexting.Infrastructure.Email.Composition;
using Sexting.Functions.Pages.Components;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Pages.Confirmation;

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
        var model = new Model(Title, record.CrimeReference, UkDates.Moment(confirmBy), "/api/confirmations/" + Uri.EscapeDataString(token));
        return layout.Render(Title, "ReporterConfirmationPage", model);
    }

    /// <summary>The page after the POST.</summary>
    public string RenderConfirmed(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return layout.Render(ConfirmedTitle, "ReporterConfirmedPage", new ConfirmedModel(ConfirmedTitle, record.CrimeReference));
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
        return new HtmlPageResult(layout.Render(title, "ReporterConfirmationProblemPage", new ProblemModel(title, explanation)),
            problem == LinkProblem.Unknown ? StatusCodes.Status404NotFound : StatusCodes.Status410Gone);
    }

    /// <summary>What <c>ReporterConfirmationPage.liquid</c> shows.</summary>
    internal sealed record Model(string Title, string CrimeReference, string ConfirmBy, string Action);
}
