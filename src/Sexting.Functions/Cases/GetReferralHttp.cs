using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Common;

namespace Sexting.Functions.Cases;

/// <summary><c>GET /api/referrals/{referralId}</c> (contract §3, function key): the case and its timeline.</summary>
public sealed class GetReferralHttp(ICaseStore store, ILogger<GetReferralHttp> logger)
{
    [Function("GetReferral")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "referrals/{referralId}")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken)
    {
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
