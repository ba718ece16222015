using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Configuration;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Cases;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/cases?status=&amp;q=&amp;pageSize=&amp;next=</c> (contract §10): the cases of the signed-in
/// person's forces (their <c>Force.&lt;force&gt;</c> roles), newest first, one page at a time from the
/// store's case-list index; JSON with <c>Accept: application/json</c>, else the page. Any role.
/// </summary>
public sealed class CaseListHttp(
    StaffGate gate,
    ICaseStore store,
    CasesPage page,
    ForceProfiles forces,
    IOptions<ApprovalOptions> approval,
    IOptions<AuthOptions> auth,
    TimeProvider clock)
{
    /// <summary>The longest crime-reference search: a reference is 14 characters (<c>DC-2026-000001</c>).</summary>
    public const int MaxSearchLength = 20;

    [Function("ListCases")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = HttpResults.WantsJson(request);
        var check = json ? gate.ForRead(request, StaffAction.ListCases) : gate.ForPage(request, StaffAction.ListCases);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        var who = check.Who!;
        if (!TryParse(request.Query, out var status, out var q, out var pageSize, out var problem))
        {
            return problem!;
        }

        CaseListPage result;
        try
        {
            result = await store.ListCasesAsync(
                new CaseListQuery(ForcesOf(who, forces), status, q, pageSize, NullIfEmpty(request.Query["next"].ToString())),
                cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException)
        {
            return HttpResults.Problem(StatusCodes.Status400BadRequest, "The next-page token is not valid.", "Start again from the first page.");
        }

        var now = clock.GetUtcNow();
        if (json)
        {
            return HttpResults.JsonBody(StatusCodes.Status200OK, CaseListView.From(result, now, approval.Value.ReminderAfter), DataProtection.CaseHttp.NoStore);
        }

        return new HtmlPageResult(page.Render(result, status, q, now, approval.Value.ReminderAfter, who.Describe(), auth.Value.Mode == AuthMode.Emulator));
    }

    /// <summary>The configured forces the person is a member of (contract §9): none means an empty list.</summary>
    public static IReadOnlyList<ForceArea> ForcesOf(StaffMember who, ForceProfiles forces)
    {
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(forces);
        return [.. forces.All.Select(f => f.Force).Where(who.IsIn)];
    }

    private static bool TryParse(IQueryCollection query, out CaseStatus? status, out string? q, out int pageSize, out IActionResult? problem)
    {
        status = null;
        q = null;
        pageSize = CaseListQuery.DefaultPageSize;
        problem = null;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);

        var statusText = query["status"].ToString();
        if (statusText.Length > 0)
        {
            // A status's name exactly (contract §3); not a number, not another spelling.
            if (statusText.All(char.IsAsciiLetter) && Enum.TryParse<CaseStatus>(statusText, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed))
            {
                status = parsed;
            }
            else
            {
                errors["status"] = ["Not a case status: one of " + string.Join(", ", Enum.GetNames<CaseStatus>()) + "."];
            }
        }

        var search = query["q"].ToString().Trim();
        if (search.Length > 0)
        {
            if (search.Length <= MaxSearchLength && search.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                q = search.ToUpperInvariant();
            }
            else
            {
                errors["q"] = [$"Search by the start of a crime reference: letters, digits and '-', at most {MaxSearchLength}."];
            }
        }

        var sizeText = query["pageSize"].ToString();
        if (sizeText.Length > 0)
        {
            if (int.TryParse(sizeText, NumberStyles.None, CultureInfo.InvariantCulture, out var size) && size >= 1)
            {
                pageSize = Math.Min(size, CaseListQuery.MaxPageSize);
            }
            else
            {
                errors["pageSize"] = ["A whole number of at least 1."];
            }
        }

        if (errors.Count > 0)
        {
            problem = HttpResults.Problem(StatusCodes.Status400BadRequest, "The filter is not valid.", errors: errors);
            return false;
        }

        return true;
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
