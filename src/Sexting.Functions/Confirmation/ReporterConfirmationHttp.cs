using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Sexting.Functions.Links;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// <c>GET|POST /api/confirmations/{token}</c> (contract §11): token-protected, no sign-in. GET shows a
/// page and changes nothing (mail scanners open links); POST, with no fields, confirms.
/// </summary>
public sealed class ReporterConfirmationHttp(LinkHttp links, ReporterConfirmationAction action, ReporterConfirmationView view)
{
    [Function("ShowConfirmation")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "confirmations/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        links.ShowAsync(request, token, action, view, cancellationToken);

    [Function("SubmitConfirmation")]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "confirmations/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        links.SubmitAsync(request, token, client, action, view, cancellationToken);
}
