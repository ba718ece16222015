using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Education;

/// <summary>§3.4.7: education and intervention delivered. Closes the case and takes it out of the due index.</summary>
public sealed class RecordEducationDeliveredActivity(CaseUpdater updater, ICaseStore store, ILogger<RecordEducationDeliveredActivity> logger)
{
    [Function(nameof(RecordEducationDeliveredActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] RecordEducationDeliveredInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var updated = await updater.UpdateAsync(input.ReferralId, c =>
            c.Status == CaseStatus.Closed
                ? null
                : c.MoveTo(CaseStatus.Closed) with
                {
                    Education = (c.Education ?? new EducationRecord(input.At, null, null, null)) with
                    {
                        DeliveredAt = input.At,
                        DeliveredBy = input.DeliveredBy,
                        Notes = input.Notes,
                    },
                }, ct).ConfigureAwait(false);

        await store.RemoveDueAsync(input.ReferralId, DueKind.Education, ct).ConfigureAwait(false);
        await store.AppendTimelineAsync(input.ReferralId, new TimelineEntry(
            input.At,
            TimelineEvent.EducationDelivered,
            $"Education and intervention delivered to {(input.Delivered.Count == 0 ? "(no young person ticked)" : string.Join(", ", input.Delivered))}, confirmed by {input.DeliveredBy} (link sent to {input.SentTo})",
            "EducationDelivered"), ct).ConfigureAwait(false);

        logger.LogInformation("Referral {ReferralId}: education delivered, case closed", input.ReferralId);
        return updated.Status;
    }
}
