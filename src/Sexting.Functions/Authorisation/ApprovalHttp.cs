using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Sexting.Functions.Links;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// <c>GET|POST /api/approvals/{token}</c> (contract §5): token-protected, and for a signed-in
/// <c>AuthorisingManager</c> of the case's force (§9); the host lets the request through anonymously
/// and the function decides.
/// </summary>
public sealed class ApprovalHttp(LinkHttp links, ApprovalAction action, ApprovalView view)
{
    /// <summary>Shows the case summary and the form. Changes nothing: mail scanners open links.</summary>
    [Function("ShowApproval")]
    public Task<IActionResult> ShowAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "approvals/{token}")] HttpRequest request,
        string token,
        CancellationToken cancellationToken) =>
        links.ShowAsync(request, token, action, view, cancellationToken);

    /// <summary>Validates the form, consumes the link atomically (not for consult) and raises the decision.</summary>
    [Function("SubmitApproval")]
    public Task<IActionResult> SubmitAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "approvals/{token}")] HttpRequest request,
        string token,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        links.SubmitAsync(request, token, client, action, view, cancellationToken);
}
