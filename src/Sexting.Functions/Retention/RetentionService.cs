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
/// runs on two hosts at once do the same deletions twice, harmlessly. A case whose orchestration still runs
/// waits for it to end, for <see cref="RunningGrace"/>; after that its orchestration is terminated and the case
/// deleted as any other. Only a case the store shows ended (closed or unconfirmed) is deleted: the entry of one
/// still open is dropped.
/// </summary>
public sealed partial class RetentionService(ICaseStore store, IOptions<RetentionOptions> options, TimeProvider clock, ILogger<RetentionService> logger)
{
    /// <summary>
    /// How long past its due time a case's orchestration may still run before the run ends it. An instance ends a
    /// moment after its case closes or becomes unconfirmed; one still running a day after the case fell due missed
    /// the event that would have ended it (the store is the record, §4.7) and would otherwise keep the case for ever.
    /// </summary>
    public static readonly TimeSpan RunningGrace = TimeSpan.FromDays(1);

    /// <summary>How long the run waits for an instance it terminated to end; one that has not is left for the next run.</summary>
    public static readonly TimeSpan TerminationWait = TimeSpan.FromSeconds(30);

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

        int deleted = 0, finished = 0, running = 0, failed = 0, terminated = 0, notEnded = 0;
        // Each referral once, with the time it fell due (its earlier entry's, when it has two).
        foreach (var entries in due.GroupBy(e => e.ReferralId, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var referralId = entries.Key;
            var dueSince = entries.Min(e => e.DueAt + (e.Kind == DueKind.Closed ? settings.ClosedCaseAfter : settings.UnconfirmedAfter));
            try
            {
                // Only an ended case is deleted. An entry of a case still open was set ahead of a close that then
                // did not happen (InvestigationHttp sets it before the move): dropped, the case kept. (No case at all:
                // an earlier run deleted it, and finishes below.)
                if (await store.GetAsync(referralId, cancellationToken).ConfigureAwait(false) is { Status: not (CaseStatus.Closed or CaseStatus.Unconfirmed) } open)
                {
                    LogNotEnded(logger, referralId, open.Status);
                    foreach (var kind in entries.Select(e => e.Kind).Distinct())
                    {
                        await store.RemoveDueAsync(referralId, kind, cancellationToken).ConfigureAwait(false);
                    }

                    notEnded++;
                    continue;
                }

                // The history first: while the orchestration still runs (it ends a moment after the case
                // closes) nothing is deleted, and the next run looks again; past the grace it is ended here.
                var instance = await client.GetInstanceAsync(referralId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
                if (instance is { IsCompleted: false })
                {
                    if (now - dueSince <= RunningGrace)
                    {
                        running++;
                        continue;
                    }

                    LogTerminating(logger, referralId);
                    await client.TerminateInstanceAsync(referralId, cancellationToken).ConfigureAwait(false);
                    terminated++;
                    if (!await EndedAsync(client, referralId, cancellationToken).ConfigureAwait(false))
                    {
                        running++;
                        continue;
                    }
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

        var run = new RetentionRun(due.Count, deleted, finished, running, failed) { Terminated = terminated, NotEnded = notEnded };
        LogRun(logger, run.DueEntries, run.Deleted, run.Finished, run.StillRunning, run.Failed, run.Terminated, run.NotEnded);
        return run;
    }

    /// <summary>Whether the instance just terminated has ended within <see cref="TerminationWait"/>.</summary>
    private async Task<bool> EndedAsync(DurableTaskClient client, string referralId, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(TerminationWait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var ended = await client.WaitForInstanceCompletionAsync(referralId, getInputsAndOutputs: false, linked.Token).ConfigureAwait(false);
            return ended is { IsCompleted: true };
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case list: {Rows} cases stored before the list existed added to it")]
    private static partial void LogBackfilled(ILogger logger, int rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: deleting referral {ReferralId} failed; the next run tries again")]
    private static partial void LogDeletionFailed(ILogger logger, Exception exception, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: referral {ReferralId} is due but its orchestration still runs past the grace; terminating it")]
    private static partial void LogTerminating(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Retention: referral {ReferralId} is due but the store shows it {Status}, not ended; its entry is dropped and the case kept")]
    private static partial void LogNotEnded(ILogger logger, string referralId, CaseStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention: {DueEntries} due entries, {Deleted} cases deleted, {Finished} deletions finished, {StillRunning} still running, {Failed} failed, {Terminated} terminated, {NotEnded} not ended")]
    private static partial void LogRun(ILogger logger, int dueEntries, int deleted, int finished, int stillRunning, int failed, int terminated, int notEnded);
}
