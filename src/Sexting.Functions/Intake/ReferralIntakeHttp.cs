using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Functions.Common;

namespace Sexting.Functions.Intake;

/// <summary><c>POST /api/referrals</c> (contract §2, anonymous): validate, record, start the workflow, answer 202.</summary>
public sealed class ReferralIntakeHttp(ReferralParser parser, ReferralIntake intake, ILogger<ReferralIntakeHttp> logger)
{
    [Function("SubmitReferral")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!IsJson(request.ContentType))
        {
            return HttpResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the referral as application/json.");
        }

        var body = await RequestBodyReader.ReadAsync(request, ReferralLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return HttpResults.Problem(StatusCodes.Status413PayloadTooLarge, "The referral is too large.",
                $"A referral is at most {ReferralLimits.MaxBodyBytes / 1024} KiB. Never attach or paste images (SA028 §3.2.3).");
        }

        string json;
        try
        {
            json = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(body);
        }
        catch (DecoderFallbackException)
        {
            return HttpResults.Problem(StatusCodes.Status400BadRequest, "The referral is not valid.",
                errors: new Dictionary<string, string[]> { ["$"] = ["The body is not valid UTF-8."] });
        }

        var parsed = parser.Parse(json);
        if (parsed.Referral is not { } referral)
        {
            return HttpResults.Problem(StatusCodes.Status400BadRequest, "The referral is not valid.", errors: parsed.Errors);
        }

        IntakeResult result;
        try
        {
            result = await intake.SubmitAsync(referral, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The input was valid: whatever failed is storage or the durable backend (contract §2: never a 5xx for bad input).
            logger.LogError(ex, "Referral intake failed: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        var @case = result.Case;
        var statusUrl = ReferralReceipt.StatusUrlOf(@case.ReferralId);
        // Contract §2: the same submission again gets the same body, with 200.
        var receipt = new ReferralReceipt(@case.ReferralId, @case.CrimeReference, nameof(CaseStatus.Received), statusUrl);
        return HttpResults.JsonBody(
            result.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK,
            receipt,
            new Dictionary<string, string> { ["Location"] = statusUrl });
    }

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);
}
