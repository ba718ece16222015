using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.DataProtection;

/// <summary>
/// <c>GET /api/cases/{referralId}/verify</c> (contract §10, §12; Administrator of the case's force):
/// <c>{ "intact": true, "entries": N }</c>, or <c>{ "intact": false, "brokenAt": k }</c> when a stored
/// timeline entry was altered, removed or reordered. Audited as <see cref="AuditActions.Verified"/>.
/// </summary>
public sealed partial class VerifyTimelineHttp(CaseReadAccess access, ITimelineVerifier verifier, ILogger<VerifyTimelineHttp> logger)
{
    [Function("VerifyTimeline")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}/verify")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken) =>
        access.ReadAsync(request, referralId, StaffAction.VerifyTimeline, AuditActions.Verified, machines: false, async @case =>
        {
            var verdict = await verifier.VerifyTimelineAsync(@case.ReferralId, cancellationToken).ConfigureAwait(false);
            if (verdict is null)
            {
                return CaseHttp.NotFound();
            }

            if (!verdict.Intact)
            {
                LogBroken(logger, @case.ReferralId, verdict.BrokenAt ?? 0);
            }

            var body = verdict.Intact
                ? new JsonObject { ["intact"] = true, ["entries"] = verdict.Entries }
                : new JsonObject { ["intact"] = false, ["brokenAt"] = verdict.BrokenAt };
            return (IActionResult)HttpResults.JsonBody(StatusCodes.Status200OK, body, CaseHttp.NoStore);
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: the timeline's chain is broken at entry {BrokenAt}")]
    private static partial void LogBroken(ILogger logger, string referralId, int brokenAt);

}
