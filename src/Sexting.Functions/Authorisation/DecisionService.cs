using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// A line manager's answer through a decision link (contract §5, §3.4.3), made by the signed-in
/// person. <c>consult</c> is not final and leaves the link valid; <c>authorise</c> and
/// <c>decline</c> consume every link of the referral atomically, so exactly one decision reaches the
/// workflow. Either way the use is recorded first, with who made it, and the event names only it (§4.7).
/// </summary>
public sealed class DecisionService(LinkResolver resolver, IDecisionLinkStore links, StaffAudit audit, TimeProvider clock, ILogger<DecisionService> logger)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public async Task<DecisionResult> DecideAsync(string token, ApprovalForm form, StaffMember who, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new DecisionResult(lookup.Outcome, lookup, form, null, NoErrors);
        }

        // §3.4.3, contract §9: a manager of the case's force.
        if (StaffPolicy.Decide(who, StaffAction.DecideOutcome21, lookup.Case!.ForceArea) != StaffAccess.Allowed)
        {
            return new DecisionResult(LinkOutcome.NotPermitted, lookup, form, null, NoErrors);
        }

        var (decision, errors) = form.Validate();
        if (decision is not { } chosen)
        {
            return new DecisionResult(LinkOutcome.BadForm, lookup, form, null, errors);
        }

        if (!LinkResolver.Awaits(lookup.Case!, LinkPurpose.Authorisation))
        {
            return new DecisionResult(LinkOutcome.NoLongerAwaiting, lookup, form, null, NoErrors);
        }

        var use = new LinkUse(LinkUse.NewId(), lookup.Case.ReferralId, LinkPurpose.Authorisation, ApprovalDecisions.ActionOf(chosen),
            StaffIdentity.Of(who), lookup.Link!.SentTo, clock.GetUtcNow(), FormFields.TextOrNull(form.Rationale), []);

        // §3.4.3: consulting the safeguarding expert is not a decision; the link stays valid.
        if (!ApprovalDecisions.IsFinal(chosen))
        {
            await links.RecordUseAsync(use, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            var consumed = await resolver.ConsumeAsync(lookup.Token!, use, cancellationToken).ConfigureAwait(false);
            if (consumed != LinkOutcome.Accepted)
            {
                return new DecisionResult(consumed, lookup, form, null, NoErrors);
            }
        }

        await client.RaiseEventAsync(lookup.Case.ReferralId, WorkflowEvents.Decision, new DecisionEvent(use.UseId), cancellationToken).ConfigureAwait(false);

        // §9: after the event, so a failing audit never holds up the workflow; the link store's use
        // names who decided whatever happens here.
        await audit.RecordAsync(lookup.Case.ReferralId, who, AuditActionOf(chosen), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: decision {Decision} received", lookup.Case.ReferralId, chosen);
        return new DecisionResult(LinkOutcome.Accepted, lookup, form, chosen, NoErrors);
    }

    private static string AuditActionOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Authorise => AuditActions.Authorised,
        ApprovalDecision.Decline => AuditActions.Declined,
        _ => AuditActions.ConsultedExpert,
    };
}
