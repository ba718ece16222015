using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Sexting.Core.Assessment;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Staff;
using Sexting.Functions.Cases;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Workspace;

/// <summary>
/// The investigation's actions of the workspace (contract §10): an investigator accepts or closes a
/// referral for investigation (§1.2.2, §3.5), a supervisor returns it to the Outcome 21 route with a
/// rationale, discounting factors (§3.5.1). Each changes the store first, with its timeline entry; the workflow
/// is then told. The retry of an action that failed (503) after its change still answers 409, the case being no
/// longer in the status it needs, but first does again what the change was to be followed by (the close's due
/// entry, the event to the workflow), so an outage never leaves a case undeleted or an orchestration waiting.
/// </summary>
public sealed class InvestigationHttp(WorkspaceActions actions, CaseUpdater updater, ICaseStore store, TimeProvider clock)
{
    /// <summary>The action codes of <see cref="CaseActionEvent"/>.</summary>
    public const string Accepted = "accepted";
    public const string Returned = "returned";
    public const string Closed = "closed";

    /// <summary>The longest outcome or rationale kept (they are shown to staff and stored sealed).</summary>
    public const int MaxTextLength = 2000;

    [Function("AcceptInvestigation")]
    public Task<IActionResult> AcceptAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{referralId}/investigation/accept")] HttpRequest request,
        string referralId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, referralId, StaffAction.AcceptInvestigation, client, async r =>
        {
            var now = clock.GetUtcNow();
            // §1.2.2, §3.5; contract §9: the timeline names the person as signed in.
            var (moved, updated) = await MoveAsync(r, CaseStatus.ReferredForInvestigation,
                c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord(r.Who.Name, now, null, null) },
                new TimelineEntry(now, TimelineEvent.InvestigationAccepted, $"Investigation accepted by {r.Who.Name} ({r.Who.Email})", AcceptedKey(now)),
                AcceptedEntry, cancellationToken).ConfigureAwait(false);
            if (!moved)
            {
                var conflict = WorkspaceActions.Conflict($"The case is {updated.Status}: only a referral for investigation can be accepted.");
                // The retry of an accept that failed after the move: once the reporter has confirmed, the v4 instance
                // waits for this event alone to tell the setting (contract §4.3), so it is told again.
                return AcceptedEntry(updated) is null ? conflict : conflict.RaisingAgain(Accepted);
            }

            return WorkspaceOutcome.Done(Accepted, AuditActions.AcceptedInvestigation, updated.Status);
        }, cancellationToken);

    [Function("CloseInvestigation")]
    public Task<IActionResult> CloseAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{referralId}/investigation/close")] HttpRequest request,
        string referralId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, referralId, StaffAction.CloseInvestigation, client, async r =>
        {
            if (!WorkspaceActions.TryRequiredText(r.Form, "outcome", MaxTextLength, "Enter the outcome of the investigation.", out var outcome, out var badForm))
            {
                return badForm;
            }

            var now = clock.GetUtcNow();
            // Contract §12: a closed case is deleted Retention:ClosedCaseAfter after it closed. The due entry goes
            // before the move, so a close whose later steps fail (the event, the audit: a 503) is still deleted on
            // time, though nobody retries it (the case page shows it closed). A move that then does not happen
            // leaves an entry of a case still open: removed below, or by retention when it falls due.
            var dueFirst = r.Case.Status == CaseStatus.UnderInvestigation;
            if (dueFirst)
            {
                await store.SetDueAsync(new DueEntry(r.Case.ReferralId, DueKind.Closed, now), cancellationToken).ConfigureAwait(false);
            }

            // The outcome stays on the case (sealed); the timeline names who closed it.
            var (moved, updated) = await MoveAsync(r, CaseStatus.UnderInvestigation,
                c => c.MoveTo(CaseStatus.Closed) with
                {
                    Investigation = (c.Investigation ?? new InvestigationRecord(null, null, null, null)) with { Outcome = outcome, ClosedAt = now, ClosedBy = r.Who.Name },
                },
                new TimelineEntry(now, TimelineEvent.InvestigationClosed, $"Investigation closed by {r.Who.Name} ({r.Who.Email})", ClosedKey),
                ClosedEntry, cancellationToken).ConfigureAwait(false);
            if (!moved)
            {
                var conflict = WorkspaceActions.Conflict($"The case is {updated.Status}: only a case under investigation can be closed.");
                if (updated is not { Status: CaseStatus.Closed, Investigation.ClosedAt: { } closedAt })
                {
                    if (dueFirst)
                    {
                        await store.RemoveDueAsync(updated.ReferralId, DueKind.Closed, cancellationToken).ConfigureAwait(false);
                    }

                    return conflict;
                }

                // Closed already (by another request, or by this one's first try, which failed after the move):
                // the due entry from the close's own time (one set above, or by a build that set it after the
                // move, is put right), and the event again, without which the v4 instance would wait for ever.
                await store.SetDueAsync(new DueEntry(updated.ReferralId, DueKind.Closed, closedAt), cancellationToken).ConfigureAwait(false);
                return conflict.RaisingAgain(Closed);
            }

            return WorkspaceOutcome.Done(Closed, AuditActions.ClosedInvestigation, updated.Status);
        }, cancellationToken);

    [Function("ReturnInvestigation")]
    public Task<IActionResult> ReturnAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{referralId}/investigation/return")] HttpRequest request,
        string referralId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, referralId, StaffAction.ReturnToOutcome21, client, async r =>
        {
            if (!WorkspaceActions.TryRequiredText(r.Form, "rationale", MaxTextLength, "Enter why the referral returns to the Outcome 21 route.", out var rationale, out var badForm))
            {
                return badForm;
            }

            // §3.5.1: only the case's own factors can be discounted.
            var factors = r.Case.Assessment?.AggravatingFactors ?? [];
            var discount = new HashSet<AggravatingFactorCode>();
            foreach (var code in r.Form.Values("discount"))
            {
                if (!Enum.TryParse<AggravatingFactorCode>(code, ignoreCase: false, out var parsed)
                    || !Enum.IsDefined(parsed) || int.TryParse(code, out _)
                    || factors.All(f => f.Code != parsed))
                {
                    return WorkspaceActions.BadForm("discount", $"'{code}' is not one of the case's aggravating factors.");
                }

                discount.Add(parsed);
            }

            if (r.Case.Status != CaseStatus.ReferredForInvestigation)
            {
                return NotReturnable(r.Case);
            }

            // §4: the workflow continues at step 4 only in a running v4 orchestration; an older or finished
            // instance cannot send the authorisation request, so nothing is changed.
            if (await WorkspaceActions.RunningVersionAsync(client, r.Case.ReferralId, cancellationToken).ConfigureAwait(false) is not >= WorkflowVersions.Workspace)
            {
                return WorkspaceActions.Conflict("This referral's workflow started before the workspace existed and cannot continue on the Outcome 21 route; refer it by hand.");
            }

            var now = clock.GetUtcNow();
            var (moved, updated) = await MoveAsync(r, CaseStatus.ReferredForInvestigation, c => c.Assessment is not { } assessment
                ? null
                : c.MoveTo(CaseStatus.AwaitingAuthorisation) with
                {
                    // §3.5.1: the discounted factors stay on the case, with who, when and why.
                    Assessment = assessment with
                    {
                        AggravatingFactors = [.. assessment.AggravatingFactors
                            .Select(f => discount.Contains(f.Code) ? f with { DiscountedBy = r.Who.Name, DiscountedAt = now, Rationale = rationale } : f)],
                        Route = Route.EducationAndIntervention,
                    },
                },
                new TimelineEntry(now, TimelineEvent.ReturnedToOutcome21, $"Returned to the Outcome 21 route by {r.Who.Name} ({r.Who.Email})",
                    nameof(TimelineEvent.ReturnedToOutcome21) + "-" + now.UtcTicks), null, cancellationToken).ConfigureAwait(false);
            if (!moved)
            {
                return NotReturnable(updated);
            }

            return WorkspaceOutcome.Done(Returned, AuditActions.ReturnedToOutcome21, updated.Status);
        }, cancellationToken);

    /// <summary>
    /// The one shape of the three moves: <paramref name="change"/> is applied only to a case still in
    /// <paramref name="from"/> (it may refuse with null), through <see cref="CaseUpdater"/>'s retries, and
    /// <paramref name="entry"/> goes on the timeline in the same transaction, so a case is never moved without
    /// it. Not moved: the case as it is, and <paramref name="done"/>'s entry for it, when it shows this action
    /// done already, appended again (idempotent by its key) for a case an older release moved without it.
    /// </summary>
    private async Task<(bool Moved, CaseRecord Case)> MoveAsync(
        WorkspaceActions.Request r, CaseStatus from, Func<CaseRecord, CaseRecord?> change, TimelineEntry entry,
        Func<CaseRecord, TimelineEntry?>? done, CancellationToken cancellationToken)
    {
        var moved = false;
        var updated = await updater.UpdateAsync(r.Case.ReferralId, r.Case, c =>
        {
            var next = c.Status == from ? change(c) : null;
            moved = next is not null;
            return next;
        }, c => moved ? entry : done?.Invoke(c), cancellationToken).ConfigureAwait(false);
        return (moved, updated);
    }

    private const string ClosedKey = nameof(TimelineEvent.InvestigationClosed);

    private static string AcceptedKey(DateTimeOffset at) => nameof(TimelineEvent.InvestigationAccepted) + "-" + at.UtcTicks;

    // The entries of an accept or a close the case shows (the case keeps who and when, not the email address),
    // with the keys the action gave them: null for a case that does not show it.
    private static TimelineEntry? AcceptedEntry(CaseRecord c) =>
        c is { Status: CaseStatus.UnderInvestigation, Investigation: { AcceptedAt: { } at } investigation }
            ? new TimelineEntry(at, TimelineEvent.InvestigationAccepted, "Investigation accepted" + By(investigation.AcceptedBy), AcceptedKey(at))
            : null;

    private static TimelineEntry? ClosedEntry(CaseRecord c) =>
        c is { Status: CaseStatus.Closed, Investigation: { ClosedAt: { } at } investigation }
            ? new TimelineEntry(at, TimelineEvent.InvestigationClosed, "Investigation closed" + By(investigation.ClosedBy), ClosedKey)
            : null;

    private static string By(string? name) => name is null ? string.Empty : " by " + name;

    /// <summary>
    /// 409 for a case not referred for investigation; for one a supervisor returned (§3.5.1: only a return leaves
    /// aggravating factors on the education route, awaiting authorisation), after telling the v4 instance again:
    /// the retry of a return that failed after the move, which the instance, once the reporter has confirmed,
    /// waits for alone to propose Outcome 21 (contract §4.4).
    /// </summary>
    private static WorkspaceOutcome NotReturnable(CaseRecord c)
    {
        var conflict = WorkspaceActions.Conflict($"The case is {c.Status}: only a referral for investigation can be returned.");
        return c is { Status: CaseStatus.AwaitingAuthorisation, Assessment: { Route: Route.EducationAndIntervention, AggravatingFactors.Count: > 0 } }
            ? conflict.RaisingAgain(Returned)
            : conflict;
    }
}
