using System.Text;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// Everything a reader of the storage account could see without the app's key (contract §12): every
/// entity of every table, every queue message, every blob, of the app's tables and of the durable task
/// hub alike, each value with its base64 and gzip decodings.
/// </summary>
public static class AtRestScan
{
    public static async Task<string> ReadAllAsync(string connectionString)
    {
        var text = new StringBuilder();
        var tables = new TableServiceClient(connectionString);
        await foreach (var table in tables.QueryAsync())
        {
            await foreach (var row in tables.GetTableClient(table.Name).QueryAsync<TableEntity>())
            {
                text.Append(table.Name).Append('|').Append(row.PartitionKey).Append('|').Append(row.RowKey).Append('\n');
                foreach (var key in row.Keys)
                {
                    text.Append(key).Append('=').Append(AtRestText.Of(row[key] is byte[] or BinaryData ? row.GetBinary(key) : row[key])).Append('\n');
                }
            }
        }

        var queues = new QueueServiceClient(connectionString);
        await foreach (var queue in queues.GetQueuesAsync())
        {
            var messages = await queues.GetQueueClient(queue.Name).PeekMessagesAsync(32);
            foreach (var message in messages.Value)
            {
                text.Append(queue.Name).Append('|').Append(AtRestText.Of(message.Body.ToArray())).Append('\n');
            }
        }

        var blobs = new BlobServiceClient(connectionString);
        await foreach (var container in blobs.GetBlobContainersAsync())
        {
            var client = blobs.GetBlobContainerClient(container.Name);
            await foreach (var blob in client.GetBlobsAsync())
            {
                var content = await client.GetBlobClient(blob.Name).DownloadContentAsync();
                text.Append(container.Name).Append('/').Append(blob.Name).Append('|').Append(AtRestText.Of(content.Value.Content.ToArray())).Append('\n');
            }
        }

        return text.ToString();
    }
}
