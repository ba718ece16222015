using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Email;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Functions.Common;
using Sexting.Functions.Configuration;
using Sexting.Functions.Staff;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Intake;

/// <summary>
/// <c>POST /api/referrals</c> (contract §2, §8, anonymous): validate, record, start the workflow,
/// answer 202. JSON gets JSON; the web form (form-encoded) is mapped onto the same JSON, checked
/// by the same parser and recorded by the same intake, and gets the receipt page or the form again.
/// </summary>
public sealed partial class ReferralIntakeHttp(
    ReferralParser parser,
    ReferralIntake intake,
    ReferralFormPage formPage,
    ReceiptPage receiptPage,
    IOptions<ReporterOptions> reporter,
    IntakeRateLimiter limiter,
    IOptions<PublicLinkOptions> urls,
    ILogger<ReferralIntakeHttp> logger)
{
    private readonly Uri _publicBase = urls.Value.PublicBaseUrl;

    private static readonly Dictionary<string, string[]> UnreadableForm =
        new() { ["$"] = ["The form could not be read. Please fill it in again."] };

    /// <summary>Contract §2, §12: the same submission again, after retention deleted its case. Nothing of it is left to tell.</summary>
    private const string DeletedDetail = "This referral was received before, and its record has since been deleted under the retention policy. It is not recorded again.";

    private static readonly Dictionary<string, string[]> NotRecordedYet = new()
    {
        ["$"] = ["Your referral could not be recorded just now. Your answers are kept below: send the form again in a minute. " +
                 "Sending it again will not make a second referral."],
    };

    [Function("SubmitReferral")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "referrals")] HttpRequest request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Contract §8, issue 19: a page of another site cannot post the form (pre-filled) on anyone's behalf.
        if (RequestOrigin.IsCrossSite(request, _publicBase))
        {
            return HttpResults.Problem(StatusCodes.Status403Forbidden, "Requests from other sites are refused.");
        }

        var isForm = PostedForm.IsUrlEncoded(request.ContentType);
        if (!isForm && !IsJson(request.ContentType))
        {
            // No multipart: nothing that can carry a file is accepted (SA028 §3.2.3).
            return HttpResults.Problem(StatusCodes.Status415UnsupportedMediaType, "Send the referral as application/json (or from the form at /api/form).");
        }

        var body = await RequestBodyReader.ReadAsync(request, ReferralLimits.MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return HttpResults.Problem(StatusCodes.Status413PayloadTooLarge, "The referral is too large.",
                $"A referral is at most {ReferralLimits.MaxBodyBytes / 1024} KiB. Never attach or paste images (SA028 §3.2.3).");
        }

        // Contract §2, §11: beyond Intake:PermitsPerMinute from one client address, 429 and nothing
        // stored or sent. Counted before parsing, so a flood of bad requests is held back as well.
        if (limiter.TryAcquire(request) is { } wait)
        {
            return TooMany(isForm, body, IntakeRateLimiter.Seconds(wait));
        }

        return isForm
            ? await FromFormAsync(body, client, cancellationToken).ConfigureAwait(false)
            : await FromJsonAsync(body, client, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IActionResult> FromJsonAsync(byte[] body, DurableTaskClient client, CancellationToken cancellationToken)
    {
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

        IntakeResult? result;
        try
        {
            result = await SubmitAsync(referral, client, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseDeletedException)
        {
            return HttpResults.Problem(StatusCodes.Status410Gone, "This referral was deleted.", DeletedDetail);
        }

        if (result is null)
        {
            return HttpResults.Unavailable();
        }

        // Contract §2: the same submission again gets the same body, with 200.
        var receipt = ReceiptOf(result.Case);
        return HttpResults.JsonBody(StatusOf(result), receipt, LocationOf(receipt));
    }

    private async Task<IActionResult> FromFormAsync(byte[] body, DurableTaskClient client, CancellationToken cancellationToken)
    {
        if (PostedForm.Parse(body) is not { } form)
        {
            return new HtmlPageResult(formPage.Render(ReferralFormValues.Blank(Guid.NewGuid()), UnreadableForm), StatusCodes.Status400BadRequest);
        }

        // The form's fields are the JSON paths of contract §2: one parser checks both (§8).
        var values = ReferralFormValues.FromForm(form);

        // Contract §2: each field of the form holds one value; one sent twice is a bad form, not last-wins.
        if (ReferralFormValues.RepeatedFields(form) is { Count: > 0 } repeated)
        {
            return new HtmlPageResult(formPage.Render(values, repeated), StatusCodes.Status400BadRequest);
        }

        var parsed = parser.Parse(ReferralFormMapper.ToJson(values).ToJsonString());
        if (parsed.Referral is not { } referral)
        {
            return new HtmlPageResult(formPage.Render(values, parsed.Errors), StatusCodes.Status400BadRequest);
        }

        IntakeResult? result;
        try
        {
            result = await SubmitAsync(referral, client, cancellationToken).ConfigureAwait(false);
        }
        catch (CaseDeletedException)
        {
            // A new form (a new submission id): this one's referral is gone, and sending it again changes nothing.
            return new HtmlPageResult(formPage.Render(values with { SubmissionId = Guid.NewGuid().ToString("D") }, new Dictionary<string, string[]>
            {
                ["$"] = [DeletedDetail + " Your answers are kept below: send the form to report the incident again."],
            }), StatusCodes.Status410Gone);
        }

        if (result is null)
        {
            // A person at a browser gets the form back, not a problem document. The answers (and the
            // submission id, so a second send is the same submission, contract §2) are kept.
            return new HeadersResult(
                new HtmlPageResult(formPage.Render(values, NotRecordedYet), StatusCodes.Status503ServiceUnavailable),
                new Dictionary<string, string> { ["Retry-After"] = HttpResults.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture) });
        }

        var receipt = ReceiptOf(result.Case);
        return new HeadersResult(
            new HtmlPageResult(receiptPage.Render(receipt.CrimeReference, receipt.ReferralId, result.Case.ReceivedAt + reporter.Value.ConfirmWithin), StatusOf(result)),
            LocationOf(receipt));
    }

    private IActionResult TooMany(bool isForm, byte[] body, int retryAfterSeconds)
    {
        var headers = new Dictionary<string, string> { ["Retry-After"] = retryAfterSeconds.ToString(CultureInfo.InvariantCulture) };
        if (!isForm)
        {
            return HttpResults.Problem(StatusCodes.Status429TooManyRequests, "Too many referrals from your address.",
                $"Nothing was recorded. Try again in {retryAfterSeconds} seconds.", headers: headers);
        }

        // A person at a browser gets the form back with their answers, and the same submission id, so
        // sending it again later is the same submission (contract §2).
        var values = PostedForm.Parse(body) is { } form ? ReferralFormValues.FromForm(form) : ReferralFormValues.Blank(Guid.NewGuid());
        if (!Guid.TryParse(values.SubmissionId, out _))
        {
            values = values with { SubmissionId = Guid.NewGuid().ToString("D") };
        }

        var errors = new Dictionary<string, string[]>
        {
            ["$"] = [$"Too many referrals have been sent from your network in the last minute, so this one was not recorded. Your answers are kept below: send the form again in {retryAfterSeconds} seconds."],
        };
        return new HeadersResult(new HtmlPageResult(formPage.Render(values, errors), StatusCodes.Status429TooManyRequests), headers);
    }

    /// <summary>
    /// Records the referral and starts its workflow; null when storage or the durable backend failed. A submission
    /// whose case retention deleted throws <see cref="CaseDeletedException"/> (contract §2, §12).
    /// </summary>
    private async Task<IntakeResult?> SubmitAsync(Referral referral, DurableTaskClient client, CancellationToken cancellationToken)
    {
        try
        {
            return await intake.SubmitAsync(referral, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            // The input was valid: whatever failed is storage or the durable backend (contract §2: never a 5xx for bad input).
            LogIntakeFailed(logger, ex);
            return null;
        }
    }

    private static ReferralReceipt ReceiptOf(CaseRecord @case) =>
        new(@case.ReferralId, @case.CrimeReference, nameof(CaseStatus.Received), ReferralReceipt.StatusUrlOf(@case.ReferralId));

    private static int StatusOf(IntakeResult result) => result.Created ? StatusCodes.Status202Accepted : StatusCodes.Status200OK;

    private static Dictionary<string, string> LocationOf(ReferralReceipt receipt) => new() { ["Location"] = receipt.StatusUrl };

    private static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, "application/json", StringComparison.OrdinalIgnoreCase);

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral intake failed: storage or the workflow backend is unavailable")]
    private static partial void LogIntakeFailed(ILogger logger, Exception exception);
}
