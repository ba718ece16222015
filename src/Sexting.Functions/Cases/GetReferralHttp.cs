using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/referrals/{referralId}</c> (contract §3): the case and its timeline, for a machine with
/// the function key or a signed-in person with a role and the case's force role (§9), whose read is
/// audited. Anonymous to the Functions host: the app checks the key itself (<see cref="CaseReadAccess"/>).
/// </summary>
public sealed class GetReferralHttp(CaseReadAccess access)
{
    [Function("GetReferral")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals/{referralId}")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken) =>
        // The case and its timeline in one read: a timeline entry is never shown without the state it records.
        access.ReadHistoryAsync(request, referralId, StaffAction.ReadCase, AuditActions.ReadCase, machines: true, withEmails: false, h =>
            Task.FromResult<IActionResult>(HttpResults.JsonBody(StatusCodes.Status200OK, CaseView.From(h.Case, h.Timeline), DataProtection.CaseHttp.NoStore)),
            cancellationToken);
}
