using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Staff;
using Sexting.Infrastructure.Pages;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Common;

/// <summary>
/// What the two kinds of link (approval, education; contract §5) answer alike: the page a GET shows,
/// which never changes anything, and the 404/410 answer for a link that cannot act, as a page or as
/// problem details.
/// </summary>
public sealed class LinkPages(LinkResolver resolver, LinkProblemPage problems, StaffGate gate, StaffAudit audit, ILogger<LinkPages> logger)
{
    /// <summary>
    /// Contract §5, §9 for a link's GET: signed out, 302 to the sign-in and back; signed in without
    /// the action's role, the 403 page. The force is checked once the case is known (<see cref="ShowAsync"/>).
    /// </summary>
    public StaffCheck GuardPage(HttpRequest request, StaffAction action)
    {
        var check = gate.ForPage(request, action);
        return check.Refusal is not null && check.Who is not null ? check with { Refusal = problems.Result(LinkProblem.NotPermitted) } : check;
    }

    /// <summary>Contract §5, §9 for a link's POST: another site 403, signed out 401, without the role 403.</summary>
    public StaffCheck GuardPost(HttpRequest request, StaffAction action) => gate.ForAction(request, action);

    /// <summary>
    /// Shows the link's page for a case still awaiting that purpose when <paramref name="who"/> may
    /// take <paramref name="action"/> on it (its force), else the problem page.
    /// </summary>
    public async Task<IActionResult> ShowAsync(
        string token, LinkPurpose purpose, StaffMember who, StaffAction action, Func<CaseRecord, string> render, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(render);
        try
        {
            var lookup = await resolver.ResolveAsync(token, purpose, cancellationToken).ConfigureAwait(false);
            if (LinkProblems.Of(lookup.Outcome) is { } problem)
            {
                return problems.Result(problem);
            }

            if (StaffPolicy.Decide(who, action, lookup.Case!.ForceArea) != StaffAccess.Allowed)
            {
                return problems.Result(LinkProblem.NotPermitted);
            }

            if (!LinkResolver.Awaits(lookup.Case!, purpose))
            {
                return problems.Result(LinkProblem.NoLongerAwaiting);
            }

            // §9: the page shows the case, so opening it is a read of the case by a person.
            await audit.RecordAsync(lookup.Case!.ReferralId, who, OpenedAction(purpose), cancellationToken).ConfigureAwait(false);
            return new HtmlPageResult(render(lookup.Case!));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Showing a {Purpose} link failed: storage unavailable", purpose);
            return HttpResults.Unavailable();
        }
    }

    private static string OpenedAction(LinkPurpose purpose) => purpose switch
    {
        LinkPurpose.Authorisation => AuditActions.OpenedApprovalLink,
        LinkPurpose.EducationDelivered => AuditActions.OpenedEducationLink,
        _ => throw new ArgumentOutOfRangeException(nameof(purpose), purpose, "No audit action for this link."),
    };

    /// <summary>The answer to a POST whose link cannot act: 404 for an unknown link, 403 without the force's role, 410 otherwise.</summary>
    public IActionResult Problem(LinkProblem problem, bool json, string goneTitle) =>
        !json ? problems.Result(problem)
        : problem switch
        {
            LinkProblem.Unknown => HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid."),
            LinkProblem.NotPermitted => StaffGate.Forbidden(),
            _ => HttpResults.Problem(StatusCodes.Status410Gone, goneTitle),
        };
}
