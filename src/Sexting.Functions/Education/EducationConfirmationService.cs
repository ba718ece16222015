using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>The youth team confirms education and intervention delivered (§3.4.7, contract §5): final, consumes the links.</summary>
public sealed class EducationConfirmationService(LinkResolver resolver, ILogger<EducationConfirmationService> logger)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public async Task<EducationResult> ConfirmAsync(string token, EducationForm form, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new EducationResult(lookup.Outcome, lookup, form, null, NoErrors);
        }

        var errors = form.Validate();
        if (errors.Count > 0)
        {
            return new EducationResult(LinkOutcome.BadForm, lookup, form, null, errors);
        }

        if (!LinkResolver.Awaits(lookup.Case!, LinkPurpose.EducationDelivered))
        {
            return new EducationResult(LinkOutcome.NoLongerAwaiting, lookup, form, null, NoErrors);
        }

        var consumed = await resolver.ConsumeAsync(lookup.Token!, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
        if (consumed != LinkOutcome.Accepted)
        {
            return new EducationResult(consumed, lookup, form, null, NoErrors);
        }

        var delivered = new EducationDeliveredEvent(form.OfficerName.Trim(), FormFields.TextOrNull(form.Notes), lookup.Link!.SentTo);
        await client.RaiseEventAsync(lookup.Case!.ReferralId, WorkflowEvents.EducationDelivered, delivered, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: education delivery confirmed", lookup.Case.ReferralId);
        return new EducationResult(LinkOutcome.Accepted, lookup, form, delivered, NoErrors);
    }
}
