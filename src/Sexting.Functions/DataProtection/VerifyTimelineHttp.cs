using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.DataProtection;

/// <summary>
/// <c>GET /api/cases/{referralId}/verify</c> (contract §10, §12; Administrator of the case's force):
/// <c>{ "intact": true, "entries": N }</c>, or <c>{ "intact": false, "brokenAt": k }</c> when a stored
/// timeline entry was altered, removed or reordered. Audited as <see cref="AuditActions.Verified"/>.
/// </summary>
public sealed partial class VerifyTimelineHttp(
    StaffGate gate, ICaseStore store, ITimelineVerifier verifier, IEnumerable<IAuditLog> audit, TimeProvider time, ILogger<VerifyTimelineHttp> logger)
{
    [Function("VerifyTimeline")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}/verify")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken)
    {
        // The role before the case: a person without it learns nothing about the case (contract §9).
        var check = gate.ForRead(request, StaffAction.VerifyTimeline);
        if (check.Refusal is not null)
        {
            return check.Refusal;
        }

        try
        {
            var @case = ReferralIds.IsValid(referralId) ? await store.GetAsync(referralId, cancellationToken).ConfigureAwait(false) : null;
            if (@case is null)
            {
                return CaseHttp.NotFound();
            }

            var forCase = gate.ForRead(request, StaffAction.VerifyTimeline, @case.ForceArea);
            if (forCase.Refusal is not null)
            {
                return forCase.Refusal;
            }

            var verdict = await verifier.VerifyTimelineAsync(referralId, cancellationToken).ConfigureAwait(false);
            if (verdict is null)
            {
                return CaseHttp.NotFound();
            }

            await CaseHttp.AuditAsync(audit, referralId, forCase.Who!, AuditActions.Verified, time, cancellationToken).ConfigureAwait(false);
            if (!verdict.Intact)
            {
                LogBroken(logger, referralId, verdict.BrokenAt ?? 0);
            }

            var body = verdict.Intact
                ? new JsonObject { ["intact"] = true, ["entries"] = verdict.Entries }
                : new JsonObject { ["intact"] = false, ["brokenAt"] = verdict.BrokenAt };
            return HttpResults.JsonBody(StatusCodes.Status200OK, body, CaseHttp.NoStore);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogFailed(logger, ex, referralId);
            return HttpResults.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: the timeline's chain is broken at entry {BrokenAt}")]
    private static partial void LogBroken(ILogger logger, string referralId, int brokenAt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Verifying the timeline of referral {ReferralId} failed: storage unavailable")]
    private static partial void LogFailed(ILogger logger, Exception ex, string referralId);
}
