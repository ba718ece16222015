using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Infrastructure.Pages;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// <c>GET|POST /api/approvals/{token}</c> (contract §5): token-protected, and for a signed-in
/// <c>AuthorisingManager</c> of the case's force (§9); the host lets the request through anonymously
/// and the function decides.
/// </summary>
public sealed class ApprovalHttp(
    LinkPages links,
    DecisionService decisions,
    ApprovalPage page,
    ApprovalConfirmationPage confirmation,
    ILogger<ApprovalHttp> logger)
{
    /// <summary>Shows the case summary and the form. Changes nothing: mail scanners open links.</summary>
    [Function("ShowApproval")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var check = links.GuardPage(request, StaffAction.DecideOutcome21);
        return check.Refusal is { } refusal
            ? Task.FromResult(refusal)
            : links.ShowAsync(token, LinkPurpose.Authorisation, check.Who!, StaffAction.DecideOutcome21, @case => page.Render(@case, token), cancellationToken);
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
        var check = links.GuardPost(request, StaffAction.DecideOutcome21);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        var json = HttpResults.WantsJson(request);
        DecisionResult result;
        try
        {
            var form = ApprovalForm.From(await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false));
            result = await decisions.DecideAsync(token, form, check.Who!, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "A decision could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        if (LinkProblems.Of(result.Outcome) is { } problem)
        {
            return links.Problem(problem, json, "This link has expired or a decision has already been made.");
        }

        var @case = result.Lookup.Case!;
        if (result.Outcome == LinkOutcome.BadForm)
        {
            return json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, "The decision form is not complete.", errors: FormFields.AsProblemErrors(result.Errors))
                : new HtmlPageResult(page.Render(@case, token, result.Form, result.Errors), StatusCodes.Status400BadRequest);
        }

        var decision = result.Decision!.Value;
        return json
            ? HttpResults.JsonBody(StatusCodes.Status200OK, new DecisionReceipt(@case.ReferralId, @case.CrimeReference, ApprovalDecisions.ActionOf(decision)))
            : new HtmlPageResult(confirmation.Render(@case, decision));
    }
}
