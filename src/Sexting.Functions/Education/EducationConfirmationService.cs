using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>
/// The signed-in youth officer confirms education and intervention delivered (§3.4.7, contract §5):
/// final, consumes the links and records who confirmed and for which young people; the event names
/// only the recorded use (§4.7).
/// </summary>
public sealed class EducationConfirmationService(LinkResolver resolver, StaffAudit audit, TimeProvider clock, ILogger<EducationConfirmationService> logger)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    public async Task<EducationResult> ConfirmAsync(string token, EducationForm form, StaffMember who, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(who);
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new EducationResult(lookup.Outcome, lookup, form, NoErrors);
        }

        if (StaffPolicy.Decide(who, StaffAction.ConfirmEducation, lookup.Case!.ForceArea) != StaffAccess.Allowed)
        {
            return new EducationResult(LinkOutcome.NotPermitted, lookup, form, NoErrors);
        }

        var errors = form.Validate([.. lookup.Case.Referral.YoungPeople.Select(p => p.Reference)]);
        if (errors.Count > 0)
        {
            return new EducationResult(LinkOutcome.BadForm, lookup, form, errors);
        }

        if (!LinkResolver.Awaits(lookup.Case, LinkPurpose.EducationDelivered))
        {
            return new EducationResult(LinkOutcome.NoLongerAwaiting, lookup, form, NoErrors);
        }

        var use = new LinkUse(LinkUse.NewId(), lookup.Case.ReferralId, LinkPurpose.EducationDelivered, "delivered",
            StaffIdentity.Of(who), lookup.Link!.SentTo, clock.GetUtcNow(), FormFields.TextOrNull(form.Notes), form.Delivered);
        var consumed = await resolver.ConsumeAsync(lookup.Token!, use, cancellationToken).ConfigureAwait(false);
        if (consumed != LinkOutcome.Accepted)
        {
            return new EducationResult(consumed, lookup, form, NoErrors);
        }

        await client.RaiseEventAsync(lookup.Case.ReferralId, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(use.UseId), cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(lookup.Case.ReferralId, who, AuditActions.ConfirmedEducation, cancellationToken).ConfigureAwait(false); // §9
        logger.LogInformation("Referral {ReferralId}: education delivery confirmed", lookup.Case.ReferralId);
        return new EducationResult(LinkOutcome.Accepted, lookup, form, NoErrors);
    }
}
