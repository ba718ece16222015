using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;

namespace Sexting.Functions.Education;

/// <summary><c>GET|POST /api/education/{token}</c> (contract §5, anonymous, token-protected).</summary>
public sealed class EducationHttp(LinkResolver resolver, EducationConfirmationService confirmations, ILogger<EducationHttp> logger)
{
    /// <summary>Shows the case summary and the form. Changes nothing.</summary>
    [Function("ShowEducation")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "education/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        try
        {
            var lookup = await resolver.ResolveAsync(token, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
            return lookup.Outcome switch
            {
                LinkOutcome.NotFound => HttpResults.HtmlBody(StatusCodes.Status404NotFound, EducationPages.NotFound()),
                LinkOutcome.Gone => HttpResults.HtmlBody(StatusCodes.Status410Gone, EducationPages.Gone()),
                _ when !LinkResolver.Awaits(lookup.Case!, LinkPurpose.EducationDelivered) => HttpResults.HtmlBody(StatusCodes.Status410Gone, EducationPages.Gone()),
                _ => HttpResults.HtmlBody(StatusCodes.Status200OK, EducationPages.Form(lookup.Case!, token)),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Showing an education link failed: storage unavailable");
            return HttpResults.Unavailable();
        }
    }

    /// <summary>Validates the form, consumes the link and raises <c>EducationDelivered</c>.</summary>
    [Function("SubmitEducation")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "education/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = HttpResults.WantsJson(request);
        EducationResult result;
        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            result = await confirmations.ConfirmAsync(token, fields, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An education confirmation could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        return result.Outcome switch
        {
            LinkOutcome.NotFound => json
                ? HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid.")
                : HttpResults.HtmlBody(StatusCodes.Status404NotFound, EducationPages.NotFound()),
            LinkOutcome.Gone => json
                ? HttpResults.Problem(StatusCodes.Status410Gone, "This link has expired or delivery has already been confirmed.")
                : HttpResults.HtmlBody(StatusCodes.Status410Gone, EducationPages.Gone()),
            LinkOutcome.BadForm => json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, "The form is not complete.", errors: result.Errors)
                : HttpResults.HtmlBody(StatusCodes.Status400BadRequest, EducationPages.Form(result.Lookup.Case!, token, result.Errors, fields)),
            _ => json
                ? HttpResults.JsonBody(StatusCodes.Status200OK, new EducationReceipt(result.Lookup.Case!.ReferralId, result.Lookup.Case.CrimeReference, "delivered"))
                : HttpResults.HtmlBody(StatusCodes.Status200OK, EducationPages.Confirmation(result.Lookup.Case!)),
        };
    }
}
