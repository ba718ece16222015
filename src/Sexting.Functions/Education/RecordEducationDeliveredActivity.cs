using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Education;

/// <summary>
/// §3.4.7: education and intervention delivered. Closes the case, takes its education out of the due
/// index and puts its close there, from which retention counts (contract §12).
/// </summary>
public sealed partial class RecordEducationDeliveredActivity(
    CaseUpdater updater, ICaseStore store, IDecisionLinkStore links, ILogger<RecordEducationDeliveredActivity> logger)
{
    [Function(nameof(RecordEducationDeliveredActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] RecordEducationDeliveredInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var use = input.UseId is { } useId ? await links.GetUseAsync(input.ReferralId, LinkPurpose.EducationDelivered, useId, ct).ConfigureAwait(false) : null;
        if (input.UseId is not null && use is null)
        {
            if (input.IgnoreUnrecorded)
            {
                LogUnrecordedUse(logger, input.ReferralId);
                return (await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false))?.Status
                    ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
            }

            throw new InvalidOperationException($"Referral {input.ReferralId}: the confirmation's recorded use is missing.");
        }

        var deliveredBy = use?.By.ToString() ?? input.DeliveredBy ?? string.Empty;
        var notes = use is null ? input.Notes : use.Text;
        var sentTo = use?.SentTo ?? input.SentTo ?? string.Empty;
        var delivered = use?.Delivered ?? input.Delivered ?? [];

        // The timeline entry with the close, in one transaction (idempotent by its key), so that whoever sees the
        // case closed also sees who confirmed the delivery (contract §3).
        var entry = new TimelineEntry(
            input.At,
            TimelineEvent.EducationDelivered,
            $"Education and intervention delivered to {(delivered.Count == 0 ? "(no young person ticked)" : string.Join(", ", delivered))}, confirmed by {deliveredBy} (link sent to {sentTo})",
            "EducationDelivered");
        var updated = await updater.UpdateAsync(input.ReferralId, null, c =>
            c.Status == CaseStatus.Closed
                ? null
                : c.MoveTo(CaseStatus.Closed) with
                {
                    Education = (c.Education ?? new EducationRecord(input.At, null, null, null)) with
                    {
                        DeliveredAt = input.At,
                        DeliveredBy = deliveredBy,
                        Notes = notes,
                    },
                }, _ => entry, ct).ConfigureAwait(false);

        await store.RemoveDueAsync(input.ReferralId, DueKind.Education, ct).ConfigureAwait(false);
        // Contract §12: retention counts from the close.
        await store.SetDueAsync(new DueEntry(input.ReferralId, DueKind.Closed, updated.Education?.DeliveredAt ?? input.At), ct).ConfigureAwait(false);

        LogClosed(logger, input.ReferralId);
        return updated.Status;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: an education-delivered event named no use the app recorded; ignored")]
    private static partial void LogUnrecordedUse(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: education delivered, case closed")]
    private static partial void LogClosed(ILogger logger, string referralId);
}
