using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Cases;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/cases/{referralId}</c> (contract §10): the case for a signed-in person with a role and
/// the case's force role, audited as <see cref="AuditActions.ReadCasePage"/>: JSON with
/// <c>Accept: application/json</c> (the §3 view, the emails sent and the reader's actions), else the page.
/// Signed out, a page goes to the sign-in (302) and JSON is 401. No machine reads here.
/// </summary>
public sealed class CasePageHttp(CaseReadAccess access, StaffGate gate, StaffSignIn signIn, CasePage page, TimeProvider clock)
{
    [Function("GetCasePage")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = HttpResults.WantsJson(request);
        if (!json && gate.ForPage(request, StaffAction.ReadCase).Refusal is { } refusal)
        {
            return Task.FromResult(refusal);
        }

        // The case, its timeline and emails in one read, so the actions offered follow from what is shown.
        return access.ReadHistoryAsync(request, referralId, StaffAction.ReadCase, AuditActions.ReadCasePage, machines: false, withEmails: true, h =>
        {
            var who = signIn.Read(request)!; // admitted: signed in
            var (@case, timeline, emails) = h;
            var actions = CaseActions.Available(@case, timeline, who);
            return Task.FromResult<IActionResult>(json
                ? HttpResults.JsonBody(StatusCodes.Status200OK, CaseView.ForPage(@case, timeline, emails, actions), DataProtection.CaseHttp.NoStore)
                : new HtmlPageResult(page.Render(@case, timeline, emails, actions, who, clock.GetUtcNow())));
        }, cancellationToken);
    }
}
