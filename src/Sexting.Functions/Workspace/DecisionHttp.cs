using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Workspace;

/// <summary>
/// <c>POST /api/cases/{referralId}/decision</c> (contract §10): the manager's decision on Outcome 21
/// (§3.4.3) from the case page, without a link. The same fields and rules as the approval link
/// (<see cref="ApprovalAction"/>, contract §5), and the same record: a final decision is stored as the
/// referral's one decision, closing every emailed link (which then answer 410), so a decision by link
/// and one from the case page cannot both win; <c>consult</c> is recorded and leaves the links valid.
/// The workflow is told by the same <see cref="WorkflowEvents.Decision"/> event, naming only the use (§4.7); a final
/// decision POSTed again (409) raises the recorded decision's event again while the workflow still waits for it.
/// </summary>
public sealed class DecisionHttp(WorkspaceActions actions, IDecisionLinkStore links, LinkFlow flow, ApprovalAction approval, TimeProvider clock)
{
    [Function("DecideFromCasePage")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "cases/{referralId}/decision")] HttpRequest request,
        string referralId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        actions.RunAsync(request, referralId, StaffAction.DecideOutcome21, client, async r =>
        {
            // Contract §5: each field once; a managerName, if sent, is ignored (who decides is the signed-in person).
            var form = ApprovalForm.From(r.Form.Value);
            foreach (var field in new[] { ApprovalForm.DecisionField, ApprovalForm.RationaleField })
            {
                if (r.Form.Values(field).Count > 1)
                {
                    return WorkspaceActions.BadForm(field, "Send this field once.");
                }
            }

            var (choice, errors) = approval.Validate(form, r.Case);
            if (choice is null)
            {
                var (field, message) = errors.First();
                return WorkspaceActions.BadForm(field, message);
            }

            if (!LinkResolver.Awaits(r.Case, LinkPurpose.Authorisation))
            {
                return WorkspaceActions.Conflict($"The case is {r.Case.Status}: it is not awaiting a decision on Outcome 21.");
            }

            if (!r.Case.ReporterConfirmed)
            {
                // Contract §4.4, §11: not on a stranger's unconfirmed account. Returned to the Outcome 21 route before
                // the reporter confirmed (§10), the case waits for the confirmation, as its authorisation request does.
                return WorkspaceActions.Conflict("The reporter has not confirmed their address yet: Outcome 21 is decided once they have.");
            }

            var now = clock.GetUtcNow();
            // No link was sent for this use: the address is the signed-in manager's own.
            var use = new LinkUse(LinkUse.NewId(), r.Case.ReferralId, LinkPurpose.Authorisation, choice.Action,
                StaffIdentity.Of(r.Who), r.Who.Email, now, choice.Text, []);
            if (choice.Final)
            {
                if (!await links.DecideAsync(use, now, cancellationToken).ConfigureAwait(false))
                {
                    // A retry after a lost raise (503): the recorded decision's event again, if the workflow still waits.
                    await flow.RaiseRecordedAsync(approval, r.Case, client, cancellationToken).ConfigureAwait(false);
                    return WorkspaceActions.Conflict("Outcome 21 has already been decided for this case.");
                }
            }
            else
            {
                await links.RecordUseAsync(use, cancellationToken).ConfigureAwait(false);
            }

            await LinkFlow.RaiseAsync(approval, r.Case.ReferralId, use.UseId, client, cancellationToken).ConfigureAwait(false);
            return WorkspaceOutcome.Done(choice.Action, choice.AuditAction ?? Core.Audit.AuditActions.Authorised, r.Case.Status, raiseCaseAction: false);
        }, cancellationToken);
}
