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

namespace Sexting.Functions.Education;

/// <summary>
/// <c>GET|POST /api/education/{token}</c> (contract §5): token-protected, and for a signed-in
/// <c>YouthOfficer</c> of the case's force (§9).
/// </summary>
public sealed class EducationHttp(
    LinkPages links,
    EducationConfirmationService confirmations,
    EducationPage page,
    EducationConfirmationPage confirmation,
    ILogger<EducationHttp> logger)
{
    /// <summary>Shows the case summary and the form. Changes nothing.</summary>
    [Function("ShowEducation")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "education/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken)
    {
        var check = links.GuardPage(request, StaffAction.ConfirmEducation);
        return check.Refusal is { } refusal
            ? Task.FromResult(refusal)
            : links.ShowAsync(token, LinkPurpose.EducationDelivered, check.Who!, StaffAction.ConfirmEducation, @case => page.Render(@case, token), cancellationToken);
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
        var check = links.GuardPost(request, StaffAction.ConfirmEducation);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        var json = HttpResults.WantsJson(request);
        EducationResult result;
        try
        {
            var form = EducationForm.From(await FormFields.ReadAsync(request, cancellationToken).ConfigureAwait(false));
            result = await confirmations.ConfirmAsync(token, form, check.Who!, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "An education confirmation could not be recorded: storage or the workflow backend is unavailable");
            return HttpResults.Unavailable();
        }

        if (LinkProblems.Of(result.Outcome) is { } problem)
        {
            return links.Problem(problem, json, "This link has expired or delivery has already been confirmed.");
        }

        var @case = result.Lookup.Case!;
        if (result.Outcome == LinkOutcome.BadForm)
        {
            return json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, "The form is not complete.", errors: FormFields.AsProblemErrors(result.Errors))
                : new HtmlPageResult(page.Render(@case, token, result.Form, result.Errors), StatusCodes.Status400BadRequest);
        }

        return json
            ? HttpResults.JsonBody(StatusCodes.Status200OK, new EducationReceipt(@case.ReferralId, @case.CrimeReference, "delivered"))
            : new HtmlPageResult(confirmation.Render(@case));
    }
}
