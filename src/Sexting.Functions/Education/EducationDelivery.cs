using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Education;

/// <summary>
/// §3.4.7: education and intervention delivered. Closes the case with its timeline entry in one transaction,
/// puts its close in the due index, from which retention counts (contract §12), and takes its education out.
/// Idempotent: a closed case is left as it is and its entry is keyed, so any number of callers with the
/// same use record it once; due entries a failure after the close left behind are repaired by
/// <see cref="RepairClosedAsync"/>. Called by the education link's POST (workflow v6, <see cref="Workflow.WorkflowVersions.DeliveryByTheLink"/>),
/// by the two recoveries of a use whose recording failed (the link POSTed again, the review scan), and by
/// <see cref="RecordEducationDeliveredActivity"/> for instances of earlier versions.
/// </summary>
public sealed partial class EducationDelivery(CaseUpdater updater, ICaseStore store, IDecisionLinkStore links, ILogger<EducationDelivery> logger)
{
    /// <summary>
    /// Records the delivery the youth officer confirmed through the link (<paramref name="use"/>, contract §4.7);
    /// <paramref name="read"/>, when given, is the case as the caller just read it (no second read unless it conflicts).
    /// </summary>
    public Task<CaseRecord> RecordAsync(LinkUse use, CaseRecord? read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        return RecordAsync(use.ReferralId, use.At, use.By.ToString(), use.Text, use.SentTo, use.Delivered, read, cancellationToken);
    }

    /// <summary>Records a delivery at <paramref name="at"/>, confirmed by <paramref name="deliveredBy"/>, from <paramref name="read"/> when given.</summary>
    public async Task<CaseRecord> RecordAsync(
        string referralId, DateTimeOffset at, string deliveredBy, string? notes, string sentTo, IReadOnlyList<string> delivered,
        CaseRecord? read, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);

        // The timeline entry with the close, in one transaction (idempotent by its key), so that whoever sees the
        // case closed also sees who confirmed the delivery (contract §3).
        var entry = new TimelineEntry(
            at,
            TimelineEvent.EducationDelivered,
            $"Education and intervention delivered to {(delivered.Count == 0 ? "(no young person ticked)" : string.Join(", ", delivered))}, confirmed by {deliveredBy} (link sent to {sentTo})",
            "EducationDelivered");
        var updated = await updater.UpdateAsync(referralId, read, c =>
            c.Status == CaseStatus.Closed
                ? null
                : c.MoveTo(CaseStatus.Closed) with
                {
                    Education = (c.Education ?? new EducationRecord(at, null, null, null)) with
                    {
                        DeliveredAt = at,
                        DeliveredBy = deliveredBy,
                        Notes = notes,
                    },
                }, _ => entry, cancellationToken).ConfigureAwait(false);

        await MoveDueToClosedAsync(referralId, updated.Education?.DeliveredAt ?? at, cancellationToken).ConfigureAwait(false);
        LogClosed(logger, referralId);
        return updated;
    }

    /// <summary>
    /// A case a delivery closed, whose due entries a failure after the close may have left behind (a 503, a host
    /// that died): its <c>Closed</c> entry set from the delivery's own time, then its <c>Education</c> entry removed.
    /// Idempotent. <c>false</c>, having changed nothing, for a case no delivery closed.
    /// </summary>
    public async Task<bool> RepairClosedAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case is not { Status: CaseStatus.Closed, Education.DeliveredAt: { } closedAt })
        {
            return false;
        }

        await MoveDueToClosedAsync(@case.ReferralId, closedAt, cancellationToken).ConfigureAwait(false);
        return true;
    }

    // Contract §12: retention counts from the close, so the Closed entry at the time the case closed, not the
    // time of a retry. It goes first: until the Education entry is gone the review scan and a POST of the link
    // come back to the case and set it again (RepairClosedAsync), so a failure between the two loses nothing.
    private async Task MoveDueToClosedAsync(string referralId, DateTimeOffset closedAt, CancellationToken cancellationToken)
    {
        await store.SetDueAsync(new DueEntry(referralId, DueKind.Closed, closedAt), cancellationToken).ConfigureAwait(false);
        await store.RemoveDueAsync(referralId, DueKind.Education, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A case still in education and intervention whose delivery the link store holds (the link was used, then
    /// the case could not be written): records it now and answers the case closed; otherwise <c>null</c>,
    /// having changed nothing.
    /// </summary>
    public async Task<CaseRecord?> CompleteRecordedAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (@case.Status != CaseStatus.EducationAndIntervention
            || await links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, cancellationToken).ConfigureAwait(false) is not { } use)
        {
            return null;
        }

        LogCompleting(logger, @case.ReferralId);
        return await RecordAsync(use, @case, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: education delivered, case closed")]
    private static partial void LogClosed(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: the education link was used but the delivery not recorded; recording it now")]
    private static partial void LogCompleting(ILogger logger, string referralId);
}
