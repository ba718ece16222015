using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Infrastructure.Pages;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary><c>GET|POST /api/approvals/{token}</c> (contract §5, anonymous, token-protected).</summary>
public sealed class ApprovalHttp(
    LinkResolver resolver,
    DecisionService decisions,
    ApprovalPage page,
    ApprovalConfirmationPage confirmation,
    LinkProblemPage problems,
    ILogger<ApprovalHttp> logger)
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
            if (LinkProblems.Of(lookup.Outcome) is { } problem)
            {
                return problems.Result(problem);
            }

            return LinkResolver.Awaits(lookup.Case!, LinkPurpose.Authorisation)
                ? new HtmlPageResult(page.Render(lookup.Case!, token))
                : problems.Result(LinkProblem.NoLongerAwaiting);
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
        try
        {
            var form = ApprovalForm.From(await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false));
            result = await decisions.DecideAsync(token, form, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A decision could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        if (LinkProblems.Of(result.Outcome) is { } problem)
        {
            return !json ? problems.Result(problem)
                : problem == LinkProblem.Unknown ? HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid.")
                : HttpResults.Problem(StatusCodes.Status410Gone, "This link has expired or a decision has already been made.");
        }

        var @case = result.Lookup.Case!;
        if (result.Outcome == LinkOutcome.BadForm)
        {
            return json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, "The decision form is not complete.", errors: FormFields.AsProblemErrors(result.Errors))
                : new HtmlPageResult(page.Render(@case, token, result.Form, result.Errors), StatusCodes.Status400BadRequest);
        }

        var decision = result.Decision!.Decision;
        return json
            ? HttpResults.JsonBody(StatusCodes.Status200OK, new DecisionReceipt(@case.ReferralId, @case.CrimeReference, decision.ToString().ToLowerInvariant()))
            : new HtmlPageResult(confirmation.Render(@case, PageDecisionOf(decision)));
    }

    private static ApprovalDecision PageDecisionOf(DecisionKind decision) => decision switch
    {
        DecisionKind.Authorise => ApprovalDecision.Authorise,
        DecisionKind.Decline => ApprovalDecision.Decline,
        _ => ApprovalDecision.Consult,
    };
}
