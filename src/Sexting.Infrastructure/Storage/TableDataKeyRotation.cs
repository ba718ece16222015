using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Sexting.Core.DataProtection;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IDataKeyRotation"/> over the case store: the received index (every referral ever
/// recorded, by force and year) lists the cases; <see cref="CaseKeys.RewrapAsync"/> re-wraps one
/// case's key with a merge under the row's ETag (a case changed meanwhile is read and re-wrapped again;
/// one still contended counts as failed). A marker row in the <c>Cases</c> table (partition <c>~keys</c>,
/// not a referral id) records the key version every data key was last brought to, so a pass after no
/// rotation costs one key-version lookup and one point read; only a pass without a failure writes it.
/// </summary>
internal sealed partial class TableDataKeyRotation(
    StorageTables tables, CrimeRegister register, CaseKeys keys, IKeyEncryptionKey kek, ILogger<TableDataKeyRotation> logger) : IDataKeyRotation
{
    public const string MarkerPartition = "~keys";
    public const string MarkerRow = "rewrapped";
    private const string RewrappedToProperty = "RewrappedTo";
    private const int Concurrency = 8;

    private static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = new(2201, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public async Task<DataKeyRewrapRun> RewrapStaleAsync(CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(RewrapStaleAsync));
        var current = await kek.CurrentKeyIdAsync(cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(MarkerPartition, MarkerRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue && string.Equals(marker.Value!.GetString(RewrappedToProperty), current, StringComparison.Ordinal))
        {
            return new DataKeyRewrapRun(true, 0, 0, 0);
        }

        int visited = 0, rewrapped = 0, failed = 0;
        await Parallel.ForEachAsync(
            register.ListReceivedAsync(Beginning, End, cancellationToken),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken },
            async (referralId, ct) =>
            {
                Interlocked.Increment(ref visited);
                try
                {
                    if (await keys.RewrapAsync(referralId, ct).ConfigureAwait(false))
                    {
                        Interlocked.Increment(ref rewrapped);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Increment(ref failed);
                    LogRewrapFailed(logger, ex, referralId);
                }
            }).ConfigureAwait(false);

        // Contract §12: a data key left under an older version is unreadable once that version is disabled, so
        // the marker moves only when every case was brought to this one (a conflict is retried, not skipped).
        if (failed == 0)
        {
            await table.UpsertEntityAsync(new TableEntity(MarkerPartition, MarkerRow) { [RewrappedToProperty] = current }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        }

        LogPass(logger, visited, rewrapped, failed);
        return new DataKeyRewrapRun(false, visited, rewrapped, failed);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Key rotation: re-wrapping the data key of referral {ReferralId} failed; the next pass tries again")]
    private static partial void LogRewrapFailed(ILogger logger, Exception exception, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Key rotation: {Visited} referrals visited, {Rewrapped} data keys re-wrapped under the newest key version, {Failed} failed")]
    private static partial void LogPass(ILogger logger, int visited, int rewrapped, int failed);
}
