using Azure;
using Azure.Data.Tables;
using Sexting.Core.Cases;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IOnceLedger"/> on Azure Table Storage: a claim is an insert-if-absent row, keyed
/// by the hash of the claim's key (any text, never a key-unsafe character), one partition each.
/// </summary>
internal sealed class TableOnceLedger(StorageTables tables) : IOnceLedger
{
    private const string ClaimRow = "claim";

    /// <inheritdoc />
    public async Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var operation = StorageOperation.Begin(nameof(TryClaimAsync));
        var table = await tables.GetAsync(StorageTables.Once, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(new TableEntity(TableKeys.Sha256(key), ClaimRow), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }
    }

    /// <inheritdoc />
    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        using var operation = StorageOperation.Begin(nameof(ReleaseAsync));
        var table = await tables.GetAsync(StorageTables.Once, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(TableKeys.Sha256(key), ClaimRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Not claimed: nothing to give up.
        }
    }
}
