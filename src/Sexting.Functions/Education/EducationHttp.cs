using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Sexting.Functions.Links;

namespace Sexting.Functions.Education;

/// <summary>
/// <c>GET|POST /api/education/{token}</c> (contract §5): token-protected, and for a signed-in
/// <c>YouthOfficer</c> of the case's force (§9).
/// </summary>
public sealed class EducationHttp(LinkHttp links, EducationAction action, EducationView view)
{
    /// <summary>Shows the case summary and the form. Changes nothing.</summary>
    [Function("ShowEducation")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "education/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        links.ShowAsync(request, token, action, view, cancellationToken);

    /// <summary>Validates the form, consumes the link and raises <c>EducationDelivered</c>.</summary>
    [Function("SubmitEducation")]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "education/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        links.SubmitAsync(request, token, client, action, view, cancellationToken);
}
