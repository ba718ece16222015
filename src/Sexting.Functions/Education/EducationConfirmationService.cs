using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Education;

/// <summary>The youth team confirms education and intervention delivered (§3.4.7, contract §5): final, consumes the links.</summary>
public sealed class EducationConfirmationService(LinkResolver resolver, ILogger<EducationConfirmationService> logger)
{
    private static readonly Dictionary<string, string[]> NoErrors = [];

    public async Task<EducationResult> ConfirmAsync(string token, IReadOnlyDictionary<string, string> fields, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new EducationResult(lookup.Outcome, lookup, null, NoErrors);
        }

        var (form, errors) = EducationForm.Parse(fields);
        if (form is null)
        {
            return new EducationResult(LinkOutcome.BadForm, lookup, null, errors);
        }

        if (!LinkResolver.Awaits(lookup.Case!, LinkPurpose.EducationDelivered))
        {
            return new EducationResult(LinkOutcome.Gone, lookup, null, NoErrors);
        }

        var consumed = await resolver.ConsumeAsync(lookup.Token!, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
        if (consumed != LinkOutcome.Accepted)
        {
            return new EducationResult(consumed, lookup, null, NoErrors);
        }

        var delivered = new EducationDeliveredEvent(form.OfficerName, form.Notes, lookup.Link!.SentTo);
        await client.RaiseEventAsync(lookup.Case!.ReferralId, WorkflowEvents.EducationDelivered, delivered, cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: education delivery confirmed", lookup.Case.ReferralId);
        return new EducationResult(LinkOutcome.Accepted, lookup, delivered, NoErrors);
    }
}
