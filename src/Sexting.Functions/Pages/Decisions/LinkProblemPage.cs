using Microsoft.AspNetCore.Http;
using Sexting.Core.Links;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>
/// Kind, clear pages for a decision link that cannot be used (contract §5): unknown (404),
/// expired or already used (410). They say what to do next and show nothing of the case.
/// </summary>
public sealed class LinkProblemPage(PageLayout layout)
{
    /// <summary>The problem for a link state that is not <see cref="LinkState.Valid"/>.</summary>
    public static LinkProblem ProblemOf(LinkState state) => state switch
    {
        LinkState.Expired => LinkProblem.Expired,
        LinkState.Used => LinkProblem.AlreadyUsed,
        LinkState.Unknown => LinkProblem.Unknown,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "A valid link has no problem."),
    };

    /// <summary>The HTTP status for a problem: 404 for an unknown link, 403 without the role, else 410.</summary>
    public static int StatusCodeOf(LinkProblem problem) => problem switch
    {
        LinkProblem.Unknown => StatusCodes.Status404NotFound,
        LinkProblem.NotPermitted => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status410Gone,
    };

    /// <summary>The page as an HTTP answer with its status and security headers.</summary>
    public HtmlPageResult Result(LinkProblem problem) => new(Render(problem), StatusCodeOf(problem));

    /// <summary>The page.</summary>
    public string Render(LinkProblem problem)
    {
        var (title, explanation) = problem switch
        {
            LinkProblem.Unknown => ("This link is not recognised",
                "The link may have been copied incompletely, or it is not a link we sent. Check that you used the whole link from the email."),
            LinkProblem.Expired => ("This link has expired",
                "For the safety of the young people involved, links in our emails only work for a limited time. If a decision is still needed, you will be sent a new link, or you can ask for one."),
            LinkProblem.AlreadyUsed => ("This link has already been used",
                "A decision has already been recorded for this case, so nothing more is needed from this link. Each decision can be made only once."),
            LinkProblem.NoLongerAwaiting => ("This case no longer needs this decision",
                "The case has moved on since this link was sent, for example because a decision was recorded another way. Nothing more is needed from this link."),
            LinkProblem.NotPermitted => ("You cannot use this link",
                "You are signed in, but your account does not have the role this link needs for the force the case belongs to. Nothing has been changed. If you should have access, ask your force's administrator for the role."),
            _ => throw new ArgumentOutOfRangeException(nameof(problem), problem, null),
        };
        return layout.Render(title, nameof(LinkProblemPage), new ProblemModel(title, explanation));
    }
}
