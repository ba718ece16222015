using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Links;

/// <summary>
/// The GET and POST of every token link (contract §5, §9, §11), which the link HTTP functions call
/// with their purpose's <see cref="LinkAction{TForm}"/> and <see cref="LinkView{TForm}"/>. A GET
/// only shows a page; a POST goes through <see cref="LinkFlow"/> and its one result maps to 200
/// (page or JSON), 400 (bad form), 403, 404 or 410, or 503 when storage or the workflow backend fails.
/// </summary>
public sealed partial class LinkHttp(LinkFlow flow, StaffGate gate, ILogger<LinkHttp> logger)
{
    /// <summary>
    /// Shows the link's page. Signed out, 302 to the sign-in and back; signed in without the role, the
    /// 403 page (§9); a link that cannot act, its 404/410 page. The reporter's link needs no sign-in.
    /// </summary>
    public async Task<IActionResult> ShowAsync<TForm>(HttpRequest request, string token, LinkAction<TForm> action, LinkView<TForm> view, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(view);
        var (who, refusal) = Admit(request, action, view, page: true);
        if (refusal is not null)
        {
            return refusal;
        }

        try
        {
            var lookup = await flow.OpenAsync(action, token, who, cancellationToken).ConfigureAwait(false);
            return ProblemOf(lookup.Outcome) is { } problem
                ? view.ProblemPage(problem)
                : new HtmlPageResult(view.RenderForm(lookup, token, null, null));
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogShowFailed(ex, action.Purpose);
            return HttpResults.Unavailable();
        }
    }

    /// <summary>
    /// Uses the link with the posted form. From another site 403 before anything else; for staff,
    /// signed out 401 and without the role 403 (§9); then the flow's result, as a page or, with
    /// <c>Accept: application/json</c>, as JSON.
    /// </summary>
    public async Task<IActionResult> SubmitAsync<TForm>(
        HttpRequest request, string token, DurableTaskClient client, LinkAction<TForm> action, LinkView<TForm> view, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(view);
        var (who, refusal) = Admit(request, action, view, page: false);
        if (refusal is not null)
        {
            return refusal;
        }

        var json = HttpResults.WantsJson(request);
        LinkResult<TForm> result;
        try
        {
            var form = await view.ReadFormAsync(request, cancellationToken).ConfigureAwait(false);
            result = await flow.UseAsync(action, token, form, who, client, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogUseFailed(ex, action.Purpose);
            return HttpResults.Unavailable();
        }

        if (ProblemOf(result.Outcome) is { } problem)
        {
            return !json ? view.ProblemPage(problem)
                : problem switch
                {
                    LinkProblem.Unknown => HttpResults.Problem(StatusCodes.Status404NotFound, "This link is not valid."),
                    LinkProblem.NotPermitted => StaffGate.Forbidden(),
                    _ => HttpResults.Problem(StatusCodes.Status410Gone, view.GoneTitle),
                };
        }

        var @case = result.Lookup.Case!;
        if (result.Outcome == LinkOutcome.BadForm)
        {
            return json
                ? HttpResults.Problem(StatusCodes.Status400BadRequest, view.BadFormTitle, errors: FormFields.AsProblemErrors(result.Errors))
                : new HtmlPageResult(view.RenderForm(result.Lookup, token, result.Form, result.Errors), StatusCodes.Status400BadRequest);
        }

        var choice = result.Choice!;
        return json
            ? HttpResults.JsonBody(StatusCodes.Status200OK, view.ReceiptOf(@case, choice))
            : new HtmlPageResult(view.RenderDone(@case, choice));
    }

    /// <summary>
    /// Who may go on, or the refusal (contract §5, §9, §11). A page: signed out, 302 to the sign-in;
    /// without the role, the 403 page (the force is checked once the case is known, in
    /// <see cref="LinkFlow"/>). A POST: from another site 403 before anything else, even on a link
    /// without sign-in; then signed out 401, without the role 403.
    /// </summary>
    private (StaffMember? Who, IActionResult? Refusal) Admit<TForm>(HttpRequest request, LinkAction<TForm> action, LinkView<TForm> view, bool page)
        where TForm : class
    {
        if (action.RequiredAction is not { } needed)
        {
            return (null, page ? null : gate.RefuseCrossSite(request));
        }

        if (!page)
        {
            var posted = gate.ForAction(request, needed);
            return (posted.Who, posted.Refusal);
        }

        var check = gate.ForPage(request, needed);
        return check.Refusal is not null && check.Who is not null
            ? (check.Who, view.ProblemPage(LinkProblem.NotPermitted))
            : (check.Who, check.Refusal);
    }

    /// <summary>The page (404, 403 or 410) of an outcome that is neither a success nor a bad form; null for those.</summary>
    private static LinkProblem? ProblemOf(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.NotFound => LinkProblem.Unknown,
        LinkOutcome.Expired => LinkProblem.Expired,
        LinkOutcome.Used => LinkProblem.AlreadyUsed,
        LinkOutcome.NoLongerAwaiting => LinkProblem.NoLongerAwaiting,
        LinkOutcome.NotPermitted => LinkProblem.NotPermitted,
        _ => null,
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Showing a {Purpose} link failed: storage unavailable")]
    private partial void LogShowFailed(Exception exception, LinkPurpose purpose);

    [LoggerMessage(Level = LogLevel.Error, Message = "A {Purpose} link use could not be recorded: storage or the workflow backend is unavailable")]
    private partial void LogUseFailed(Exception exception, LinkPurpose purpose);
}
