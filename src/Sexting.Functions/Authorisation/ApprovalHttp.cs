using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;

namespace Sexting.Functions.Authorisation;

/// <summary><c>GET|POST /api/approvals/{token}</c> (contract §5, anonymous, token-protected).</summary>
public sealed class ApprovalHttp(LinkResolver resolver, DecisionService decisions, ILogger<ApprovalHttp> logger)
{
    /// <summary>Shows the case summary and the form. Changes nothing: mail scanners open links.</summary>
    [Function("ShowApproval")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        try
        {
            var lookup = await resolver.ResolveAsync(token, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
            return lookup.Outcome switch
            {
                LinkOutcome.NotFound => HttpResults.HtmlBody(StatusCodes.Status404NotFound, DecisionPages.NotFound()),
                LinkOutcome.Gone => HttpResults.HtmlBody(StatusCodes.Status410Gone, DecisionPages.Gone()),
                _ when !LinkResolver.Awaits(lookup.Case!, LinkPurpose.Authorisation) => HttpResults.HtmlBody(StatusCodes.Status410Gone, DecisionPages.Gone()),
                _ => HttpResults.HtmlBody(StatusCodes.Status200OK, DecisionPages.Form(lookup.Case!, token)),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Showing a decision link failed: storage unavailable");
            return HttpResults.Unavailable();
        }
    }

    /// <summary>Validates the form, consumes the link atomically (not for consult) and raises the decision.</summary>
    [Function("SubmitApproval")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var json = HttpResults.WantsJson(request);
        DecisionResult result;
        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            result = await decisions.DecideAsync(token, fields, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A decision could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        return result.Outcome switch
        {
            LinkOutcome.NotFound => json
                ? HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid.")
                : HttpResults.HtmlBody(StatusCodes.Status404NotFound, DecisionPages.NotFound()),
            LinkOutcome.Gone => json
                ? HttpResults.Problem(StatusCodes.Status410Gone, "This link has expired or a decision has already been made.")
                : HttpResults.HtmlBody(StatusCodes.Status410Gone, DecisionPages.Gone()),
            LinkOutcome.BadForm => json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, "The decision form is not complete.", errors: result.Errors)
                : HttpResults.HtmlBody(StatusCodes.Status400BadRequest, DecisionPages.Form(result.Lookup.Case!, token, result.Errors, fields)),
            _ => json
                ? HttpResults.JsonBody(StatusCodes.Status200OK, new DecisionReceipt(result.Lookup.Case!.ReferralId, result.Lookup.Case.CrimeReference, result.Decision!.Decision.ToString().ToLowerInvariant()))
                : HttpResults.HtmlBody(StatusCodes.Status200OK, DecisionPages.Confirmation(result.Lookup.Case!, result.Decision!.Decision)),
        };
    }
}
