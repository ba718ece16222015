using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Links;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// Workflow v3 (issue 22): one activity for what v2 did in two. Reads the use a decision event names
/// (contract §4.7: <c>null</c> when the app never recorded it, and the workflow goes on waiting) and,
/// for an authorisation, records it (§3.4.3) as <see cref="RecordAuthorisationActivity"/> does. A
/// decline or a consultation is only answered: its steps follow in the workflow as before. Idempotent.
/// Workflow v5: an authorisation's fan-out (<see cref="RecordDecisionInput.FanOut"/>) goes here too.
/// </summary>
public sealed class RecordDecisionActivity(ReadLinkUseActivity read, RecordAuthorisationActivity authorisation, SendFanOutActivity fanOut)
{
    [Function(nameof(RecordDecisionActivity))]
    public async Task<ApprovalDecision?> RunAsync([ActivityTrigger] RecordDecisionInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Read once, here, and handed to the authorisation (no second read of the use or the case).
        var use = await read.ReadAsync(new ReadLinkUseInput(input.ReferralId, LinkPurpose.Authorisation, input.UseId)).ConfigureAwait(false);
        var kind = ApprovalDecisions.Of(use?.Action);
        if (kind == ApprovalDecision.Authorise)
        {
            var authorised = await authorisation.RecordAsync(new RecordAuthorisationInput(input.ReferralId, input.At, input.DueBy) { UseId = input.UseId }, use).ConfigureAwait(false);
            if (input.FanOut is { } emails)
            {
                // Workflow v5: the three emails of the authorisation, after it is recorded, in this activity.
                await fanOut.SendAsync(emails, authorised).ConfigureAwait(false);
            }
        }

        return kind;
    }
}
