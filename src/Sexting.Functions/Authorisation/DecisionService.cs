using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// A line manager's answer through a decision link (contract §5, §3.4.3). <c>consult</c> is not
/// final and leaves the link valid; <c>authorise</c> and <c>decline</c> consume every link of the
/// referral atomically, so exactly one decision reaches the workflow.
/// </summary>
public sealed class DecisionService(LinkResolver resolver, ILogger<DecisionService> logger)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public async Task<DecisionResult> DecideAsync(string token, IReadOnlyDictionary<string, string> fields, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new DecisionResult(lookup.Outcome, lookup, null, NoErrors);
        }

        var (form, errors) = ApprovalForm.Parse(fields);
        if (form is null)
        {
            return new DecisionResult(LinkOutcome.BadForm, lookup, null, errors);
        }

        if (!LinkResolver.Awaits(lookup.Case!, LinkPurpose.Authorisation))
        {
            return new DecisionResult(LinkOutcome.Gone, lookup, null, NoErrors);
        }

        if (form.Decision != DecisionKind.Consult)
        {
            var consumed = await resolver.ConsumeAsync(lookup.Token!, LinkPurpose.Authorisation, cancellationToken).ConfigureAwait(false);
            if (consumed != LinkOutcome.Accepted)
            {
                return new DecisionResult(consumed, lookup, null, NoErrors);
            }
        }

        var decision = new DecisionEvent(form.Decision, form.ManagerName, form.Rationale, lookup.Link!.SentTo);
        await client.RaiseEventAsync(lookup.Case!.ReferralId, WorkflowEvents.Decision, decision, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: decision {Decision} received", lookup.Case.ReferralId, form.Decision);
        return new DecisionResult(LinkOutcome.Accepted, lookup, decision, NoErrors);
    }
}
