using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IOnceLedger"/> on Azure Table Storage: a claim is an insert-if-absent row, keyed by the
/// hash of the claim's key (any text, never a key-unsafe character), one partition each. The row
/// holds when it was claimed and whether the work completed; an open claim older than
/// <see cref="TableStorageOptions.ClaimLease"/> is taken over with an ETag-conditional update, so of
/// several callers after a crash exactly one gets it.
/// </summary>
internal sealed class TableOnceLedger(StorageTables tables, IOptions<TableStorageOptions> options, TimeProvider clock) : IOnceLedger
{
    private const string ClaimRow = "claim";
    private const string ClaimedAt = nameof(ClaimedAt);
    private const string Completed = nameof(Completed);

    /// <inheritdoc />
    public async Task<OnceClaim> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var operation = StorageOperation.Begin(nameof(TryClaimAsync));
        var table = await tables.GetAsync(StorageTables.Once, cancellationToken).ConfigureAwait(false);
        var now = clock.GetUtcNow();
        try
        {
            await table.AddEntityAsync(Row(key, now), cancellationToken).ConfigureAwait(false);
            return OnceClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Taken: done, held, or left behind by a holder that died.
        }

        try
        {
            var existing = (await table.GetEntityAsync<TableEntity>(TableKeys.Sha256(key), ClaimRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (existing.GetBoolean(Completed) is true)
            {
                return OnceClaim.Completed;
            }

            if (existing.GetDateTimeOffset(ClaimedAt) is { } claimedAt && now - claimedAt < options.Value.ClaimLease)
            {
                return OnceClaim.Held;
            }

            await table.UpdateEntityAsync(Row(key, now), existing.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return OnceClaim.Claimed;
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Released or taken over between the two calls: someone else is on it now.
            return OnceClaim.Held;
        }
    }

    /// <inheritdoc />
    public async Task CompleteAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var operation = StorageOperation.Begin(nameof(CompleteAsync));
        var table = await tables.GetAsync(StorageTables.Once, cancellationToken).ConfigureAwait(false);
        var row = Row(key, clock.GetUtcNow());
        row[Completed] = true;
        await table.UpsertEntityAsync(row, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var operation = StorageOperation.Begin(nameof(ReleaseAsync));
        var table = await tables.GetAsync(StorageTables.Once, cancellationToken).ConfigureAwait(false);
        try
        {
            // A completion is never given back: a holder whose lease lapsed, and whose work another
            // caller then did and completed, must not undo that when it fails (the work would be done twice).
            var existing = (await table.GetEntityAsync<TableEntity>(TableKeys.Sha256(key), ClaimRow, cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
            if (existing.GetBoolean(Completed) is true)
            {
                return;
            }

            await table.DeleteEntityAsync(TableKeys.Sha256(key), ClaimRow, existing.ETag, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 412)
        {
            // Not claimed, or changed a moment ago (completed, or claimed again): nothing of ours to give up.
        }
    }

    private static TableEntity Row(string key, DateTimeOffset claimedAt) =>
        new(TableKeys.Sha256(key), ClaimRow) { [ClaimedAt] = claimedAt, [Completed] = false };
}
