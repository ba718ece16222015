using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Configuration;
using Sexting.Functions.Staff;
using Sexting.Infrastructure.Pages;
using Sexting.Infrastructure.Pages.Confirmation;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// <c>GET|POST /api/confirmations/{token}</c> (contract §11): token-protected, no sign-in. GET shows a
/// page and changes nothing (mail scanners open links); POST, with no fields, confirms.
/// </summary>
public sealed class ReporterConfirmationHttp(
    LinkResolver resolver,
    ReporterConfirmationService confirmations,
    ReporterConfirmationPage page,
    IOptions<PublicUrlOptions> urls,
    ILogger<ReporterConfirmationHttp> logger)
{
    [Function("ShowConfirmation")]
    public async Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "confirmations/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        try
        {
            var lookup = await resolver.ResolveAsync(token, LinkPurpose.ReporterConfirmation, cancellationToken).ConfigureAwait(false);
            if (LinkProblems.Of(lookup.Outcome) is { } problem)
            {
                return page.Problem(problem);
            }

            return LinkResolver.Awaits(lookup.Case!, LinkPurpose.ReporterConfirmation)
                ? new HtmlPageResult(page.Render(lookup.Case!, token, lookup.Link!.ExpiresAt))
                : page.Problem(Infrastructure.Pages.Decisions.LinkProblem.NoLongerAwaiting);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Showing a confirmation link failed: storage unavailable");
            return HttpResults.Unavailable();
        }
    }

    [Function("SubmitConfirmation")]
    public async Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "confirmations/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        // Contract §5 (whose rules §11 takes): a post from another site's page changes nothing.
        if (RequestOrigin.IsCrossSite(request, new Uri(urls.Value.PublicBaseUrl)))
        {
            return HttpResults.Problem(StatusCodes.Status403Forbidden, "Requests from other sites are refused.");
        }

        var json = HttpResults.WantsJson(request);
        ConfirmationResult result;
        try
        {
            result = await confirmations.ConfirmAsync(token, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A reporter confirmation could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        if (LinkProblems.Of(result.Outcome) is { } problem)
        {
            return !json
                ? page.Problem(problem)
                : problem == Infrastructure.Pages.Decisions.LinkProblem.Unknown
                    ? HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid.")
                    : HttpResults.Problem(StatusCodes.Status410Gone, "This link has expired or has already been used.");
        }

        var @case = result.Lookup.Case!;
        return json
            ? HttpResults.JsonBody(StatusCodes.Status200OK, new ConfirmationReceipt(@case.ReferralId, @case.CrimeReference, @case.Confirmation!.ConfirmedAt!.Value))
            : new HtmlPageResult(page.RenderConfirmed(@case));
    }
}
