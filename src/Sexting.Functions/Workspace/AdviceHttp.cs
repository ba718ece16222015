using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Cases;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Workspace;

/// <summary>
/// <c>POST /api/cases/{referralId}/advice</c> (contract §10): the safeguarding expert a manager consulted
/// (§3.4.3) records advice on the case. Before any consultation the case answers 409. The advice is kept
/// on the case (sealed, contract §12), the timeline records <see cref="TimelineEvent.SafeguardingAdviceRecorded"/>,
/// and the manager who consulted is emailed at the address the consultation came from: the address the
/// decision link was sent to, or the signed-in manager's own when they consulted from the case page.
/// Idempotent: the advice's id is a hash of who wrote it and its text, so the same advice sent twice is
/// one record, one timeline entry and one email. The workflow is not told: it does not wait for advice.
/// </summary>
public sealed class AdviceHttp(WorkspaceActions actions, CaseUpdater updater, ICaseStore store, ILinkHistory links, EmailStep email, TimeProvider clock)
{
    /// <summary>The action code of the JSON receipt.</summary>
    public const string Recorded = "advice";

    [Function("RecordAdvice")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{referralId}/advice")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, referralId, StaffAction.RecordAdvice, client: null, async r =>
        {
            if (!WorkspaceActions.TryRequiredText(r.Form, "advice", ReferralLimits.MaxRationale, "Enter your safeguarding advice.", out var advice, out var badForm))
            {
                return badForm;
            }

            // §3.4.3: advice answers a consultation; the latest one says who is to hear it.
            var timeline = await store.GetTimelineAsync(r.Case.ReferralId, cancellationToken).ConfigureAwait(false);
            var consultation = timeline.Any(t => t.Event == TimelineEvent.SafeguardingExpertConsulted)
                ? (await links.ReadAsync(r.Case.ReferralId, cancellationToken).ConfigureAwait(false)).Uses
                    .Where(u => u.Purpose == LinkPurpose.Authorisation && ApprovalDecisions.Of(u.Action) == ApprovalDecision.Consult)
                    .MaxBy(u => u.At)
                : null;
            if (consultation is null)
            {
                return WorkspaceActions.Conflict("No safeguarding expert has been consulted on this case: there is nothing to advise on yet.");
            }

            var manager = string.IsNullOrWhiteSpace(consultation.SentTo) ? consultation.By.Email : consultation.SentTo;
            var id = AdviceId(r.Who, advice);
            var now = clock.GetUtcNow();
            var updated = await updater.UpdateAsync(r.Case, c => c.Advice.Any(a => a.Id == id)
                ? null
                : c with { Advice = [.. c.Advice, new SafeguardingAdvice(id, r.Who.Name, now, advice, manager)] },
                cancellationToken).ConfigureAwait(false);
            var kept = updated.Advice.First(a => a.Id == id);

            // The entry is written before the email, so a refused email (StepFailed) leaves the advice on the
            // timeline; the email step's own entry has the same key and adds nothing. So the entry says whom the
            // advice is for, not that it was emailed: the case's emails list the one delivered (contract §10).
            var step = "advice-" + id;
            var detail = $"Safeguarding advice recorded by {r.Who.Name} ({r.Who.Email}) for {manager}";
            await store.AppendTimelineAsync(updated.ReferralId, new TimelineEntry(kept.At, TimelineEvent.SafeguardingAdviceRecorded, detail,
                $"{TimelineEvent.SafeguardingAdviceRecorded}:{step}"), cancellationToken).ConfigureAwait(false);
            await email.SendAsync(
                [new EmailRequest(EmailKind.SafeguardingAdviceRecorded, manager, updated)
                {
                    ActorName = r.Who.Name,
                    RecipientName = consultation.By.Name,
                    Rationale = kept.Advice,
                }],
                updated.ReferralId, step, kept.At, TimelineEvent.SafeguardingAdviceRecorded, detail, cancellationToken).ConfigureAwait(false);
            return WorkspaceOutcome.Done(Recorded, AuditActions.RecordedAdvice, updated.Status, raiseCaseAction: false);
        }, cancellationToken);

    /// <summary>The same person's same advice is the same record (a retried or doubled form).</summary>
    internal static string AdviceId(StaffMember who, string advice)
    {
        ArgumentNullException.ThrowIfNull(who);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(who.UserId + "\n" + advice));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
