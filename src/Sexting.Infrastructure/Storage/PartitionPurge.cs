using Azure;
using Azure.Data.Tables;

namespace Sexting.Infrastructure.Storage;

/// <summary>Deletes the rows of one partition, 100 to a transaction (the service's most), reading keys only.</summary>
internal static class PartitionPurge
{
    /// <summary>Deletes every row of <paramref name="partition"/> but those keyed in <paramref name="keep"/>; returns how many went.</summary>
    public static async Task<int> DeleteAsync(TableClient table, string partition, IReadOnlyCollection<string> keep, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(keep);
        var rowKeys = new List<string>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (!keep.Contains(row.RowKey))
            {
                rowKeys.Add(row.RowKey);
            }
        }

        foreach (var chunk in rowKeys.Chunk(StorageTables.MostPerTransaction))
        {
            try
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(key => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(partition, key), ETag.All)),
                    cancellationToken).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // A row went meanwhile (a concurrent run): delete the rest one by one.
                foreach (var key in chunk)
                {
                    await table.DeleteEntityAsync(partition, key, ETag.All, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        return rowKeys.Count;
    }
}
