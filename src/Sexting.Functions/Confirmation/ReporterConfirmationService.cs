using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;
using Sexting.Functions.Common;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// The reporter confirms their address (contract §11): the link is consumed (single use, exactly one
/// of concurrent uses wins), the case records when, <c>ReporterConfirmed</c> is appended and the
/// workflow is woken. A case already unconfirmed (the deadline passed) is not revived.
/// </summary>
public sealed class ReporterConfirmationService(LinkResolver resolver, CaseUpdater updater, ICaseStore store, TimeProvider clock, ILogger<ReporterConfirmationService> logger)
{
    /// <summary>Who a reporter's link use is recorded as: not a member of staff, the address the link was sent to.</summary>
    public const string ReporterUserId = "reporter";

    public async Task<ConfirmationResult> ConfirmAsync(string token, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var lookup = await resolver.ResolveAsync(token, LinkPurpose.ReporterConfirmation, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new ConfirmationResult(lookup.Outcome, lookup);
        }

        if (!LinkResolver.Awaits(lookup.Case!, LinkPurpose.ReporterConfirmation))
        {
            return new ConfirmationResult(LinkOutcome.NoLongerAwaiting, lookup);
        }

        // The case first, conditional on its version: if the deadline made it unconfirmed first, nothing
        // changes. A crash after this and before the link is consumed loses nothing: the workflow reads
        // the case at the deadline, and the reporter's retry finds the link still valid.
        var now = clock.GetUtcNow();
        var link = lookup.Link!;
        var updated = await updater.UpdateAsync(
            link.ReferralId,
            c => c.ReporterConfirmed || !LinkResolver.Awaits(c, LinkPurpose.ReporterConfirmation)
                ? null
                : c with { Confirmation = c.Confirmation! with { ConfirmedAt = now } },
            cancellationToken).ConfigureAwait(false);
        if (!updated.ReporterConfirmed)
        {
            return new ConfirmationResult(LinkOutcome.NoLongerAwaiting, lookup);
        }

        await store.AppendTimelineAsync(link.ReferralId, new TimelineEntry(updated.Confirmation!.ConfirmedAt!.Value, TimelineEvent.ReporterConfirmed,
            "The reporter confirmed their email address", nameof(TimelineEvent.ReporterConfirmed)), cancellationToken).ConfigureAwait(false);

        // Single use (contract §5): of concurrent uses exactly one consumes the link; the others get 410.
        var use = new LinkUse(LinkUse.NewId(), link.ReferralId, LinkPurpose.ReporterConfirmation, "confirmed",
            new StaffIdentity(ReporterUserId, "The reporter", link.SentTo), link.SentTo, now, null, []);
        var consumed = await resolver.ConsumeAsync(lookup.Token!, use, cancellationToken).ConfigureAwait(false);
        if (consumed != LinkOutcome.Accepted)
        {
            return new ConfirmationResult(consumed, lookup);
        }

        await client.RaiseEventAsync(link.ReferralId, WorkflowEvents.ReporterConfirmed, new ReporterConfirmedEvent(use.UseId), cancellationToken).ConfigureAwait(false);
        logger.LogInformation("Referral {ReferralId}: reporter confirmed", link.ReferralId);
        return new ConfirmationResult(LinkOutcome.Accepted, lookup with { Case = updated });
    }
}
