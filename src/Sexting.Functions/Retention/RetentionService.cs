using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Retention;

/// <summary>
/// Contract §12, run by <see cref="RetentionTimer"/>: deletes each case <c>Retention:ClosedCaseAfter</c>
/// after it closed and each referral <c>Retention:UnconfirmedAfter</c> after it became unconfirmed. For
/// each: the orchestration's history is purged, then the store deletes the case, its timeline, links,
/// people-index, audit and due entries and its wrapped data key, leaving a tombstone for the figures.
/// The scan reads only the due index's entries that are due (never the cases not yet due). Each step is
/// idempotent, and the due entry goes last, so a run that fails midway is finished by the next one;
/// runs on two hosts at once do the same deletions twice, harmlessly.
/// </summary>
public sealed partial class RetentionService(ICaseStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    public async Task<RetentionRun> RunAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var now = clock.GetUtcNow();
        var settings = options.Value;
        // Once per store (then one read a run): the case list gets the cases stored before it existed.
        var backfilled = await store.BackfillCaseListAsync(cancellationToken).ConfigureAwait(false);
        if (backfilled > 0)
        {
            LogBackfilled(logger, backfilled);
        }

        var due = new List<DueEntry>();
        due.AddRange(await store.GetDueAsync(DueKind.Closed, now - settings.ClosedCaseAfter, cancellationToken).ConfigureAwait(false));
        due.AddRange(await store.GetDueAsync(DueKind.Unconfirmed, now - settings.UnconfirmedAfter, cancellationToken).ConfigureAwait(false));

        int deleted = 0, finished = 0, running = 0, failed = 0;
        foreach (var referralId in due.Select(e => e.ReferralId).Distinct(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                // The history first: while the orchestration still runs (it ends a moment after the case
                // closes) nothing is deleted, and the next run looks again.
                var instance = await client.GetInstanceAsync(referralId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
                if (instance is { IsCompleted: false })
                {
                    running++;
                    continue;
                }

                if (instance is not null)
                {
                    await client.PurgeInstanceAsync(referralId, cancellationToken).ConfigureAwait(false);
                }

                switch (await store.DeleteAsync(referralId, now, cancellationToken).ConfigureAwait(false))
                {
                    case CaseDeletion.Deleted: deleted++; break;
                    default: finished++; break;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                failed++;
                LogDeletionFailed(logger, ex, referralId);
            }
        }

        var run = new RetentionRun(due.Count, deleted, finished, running, failed);
        LogRun(logger, run.DueEntries, run.Deleted, run.Finished, run.StillRunning, run.Failed);
        return run;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case list: {Rows} cases stored before the list existed added to it")]
    private static partial void LogBackfilled(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: deleting referral {ReferralId} failed; the next run tries again")]
    private static partial void LogDeletionFailed(ILogger logger, Exception exception, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {DueEntries} due entries, {Deleted} cases deleted, {Finished} deletions finished, {StillRunning} still running, {Failed} failed")]
    private static partial void LogRun(ILogger logger, int dueEntries, int deleted, int finished, int stillRunning, int failed);
}
