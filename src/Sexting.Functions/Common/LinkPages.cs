using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Infrastructure.Pages;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Common;

/// <summary>
/// What the two kinds of link (approval, education; contract §5) answer alike: the page a GET shows,
/// which never changes anything, and the 404/410 answer for a link that cannot act, as a page or as
/// problem details.
/// </summary>
public sealed class LinkPages(LinkResolver resolver, LinkProblemPage problems, ILogger<LinkPages> logger)
{
    /// <summary>Shows the link's page for a case still awaiting that purpose, else its problem page.</summary>
    public async Task<IActionResult> ShowAsync(string token, LinkPurpose purpose, Func<CaseRecord, string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        try
        {
            var lookup = await resolver.ResolveAsync(token, purpose, cancellationToken).ConfigureAwait(false);
            if (LinkProblems.Of(lookup.Outcome) is { } problem)
            {
                return problems.Result(problem);
            }

            return LinkResolver.Awaits(lookup.Case!, purpose)
                ? new HtmlPageResult(render(lookup.Case!))
                : problems.Result(LinkProblem.NoLongerAwaiting);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Showing a {Purpose} link failed: storage unavailable", purpose);
            return HttpResults.Unavailable();
        }
    }

    /// <summary>The answer to a POST whose link cannot act: 404 for an unknown link, 410 otherwise.</summary>
    public IActionResult Problem(LinkProblem problem, bool json, string goneTitle) =>
        !json ? problems.Result(problem)
        : problem == LinkProblem.Unknown ? HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid.")
        : HttpResults.Problem(StatusCodes.Status410Gone, goneTitle);
}
