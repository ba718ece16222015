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

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/referrals/{referralId}</c> (contract §3): the case and its timeline, for a machine with
/// the function key or a signed-in person with a role and the case's force role (§9), whose read is
/// audited. Anonymous to the Functions host: the app checks the key itself (<see cref="CaseReadAccess"/>).
/// </summary>
public sealed class GetReferralHttp(ICaseStore store, CaseReadAccess access, ILogger<GetReferralHttp> logger)
{
    [Function("GetReferral")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "referrals/{referralId}")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken)
    {
        var reader = access.Begin(request, StaffAction.ReadCase);
        if (reader.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!ReferralIds.IsValid(referralId))
        {
            return NotFound();
        }

        try
        {
            var @case = await store.GetAsync(referralId, cancellationToken).ConfigureAwait(false);
            if (@case is null)
            {
                return NotFound();
            }

            if (await access.AdmitAsync(reader, referralId, @case.ForceArea, AuditActions.ReadCase, cancellationToken).ConfigureAwait(false) is { } forbidden)
            {
                return forbidden;
            }

            var timeline = await store.GetTimelineAsync(referralId, cancellationToken).ConfigureAwait(false);
            return HttpResults.JsonBody(StatusCodes.Status200OK, CaseView.From(@case, timeline));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reading referral {ReferralId} failed: storage unavailable", referralId);
            return HttpResults.Unavailable();
        }
    }

    private static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such referral.");
}
