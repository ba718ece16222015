using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// A line manager's answer through a decision link (contract §5, §3.4.3). <c>consult</c> is not
/// final and leaves the link valid; <c>authorise</c> and <c>decline</c> consume every link of the
/// referral atomically, so exactly one decision reaches the workflow.
/// </summary>
public sealed class DecisionService(LinkResolver resolver, ILogger<DecisionService> logger)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public async Task<DecisionResult> DecideAsync(string token, ApprovalForm form, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new DecisionResult(lookup.Outcome, lookup, form, null, NoErrors);
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

        // §3.4.3: consulting the safeguarding expert is not a decision; the link stays valid.
        if (chosen != ApprovalDecision.Consult)
        {
            var consumed = await resolver.ConsumeAsync(lookup.Token!, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
            if (consumed != LinkOutcome.Accepted)
            {
                return new DecisionResult(consumed, lookup, form, null, NoErrors);
            }
        }

        var decisionEvent = new DecisionEvent(KindOf(chosen), form.ManagerName.Trim(), FormFields.TextOrNull(form.Rationale), lookup.Link!.SentTo);
        await client.RaiseEventAsync(lookup.Case!.ReferralId, WorkflowEvents.Decision, decisionEvent, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: decision {Decision} received", lookup.Case.ReferralId, decisionEvent.Decision);
        return new DecisionResult(LinkOutcome.Accepted, lookup, form, decisionEvent, NoErrors);
    }

    private static DecisionKind KindOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Authorise => DecisionKind.Authorise,
        ApprovalDecision.Decline => DecisionKind.Decline,
        _ => DecisionKind.Consult,
    };
}
