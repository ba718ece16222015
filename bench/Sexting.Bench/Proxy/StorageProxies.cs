using Sexting.Bench.Hosting;

namespace Sexting.Bench.Proxy;

/// <summary>
/// The four counting proxies between the local host and Azurite: one for the app's tables (its
/// <c>Tables:ConnectionString</c>) and one per service for the durable backend (its
/// <c>AzureWebJobsStorage</c>), so requests are split by who made them without reading any body.
/// </summary>
internal sealed class StorageProxies : IAsyncDisposable
{
    private readonly Dictionary<StorageChannel, CountingProxy> _proxies;

    public StorageProxies(AzuriteEmulator azurite)
    {
        ArgumentNullException.ThrowIfNull(azurite);
        _proxies = new Dictionary<StorageChannel, CountingProxy>
        {
            [StorageChannel.AppTables] = new(StorageChannel.AppTables, azurite.TablePort),
            [StorageChannel.DurableTables] = new(StorageChannel.DurableTables, azurite.TablePort),
            [StorageChannel.DurableQueues] = new(StorageChannel.DurableQueues, azurite.QueuePort),
            [StorageChannel.DurableBlobs] = new(StorageChannel.DurableBlobs, azurite.BlobPort),
        };
    }

    /// <summary>The app's table connection, through its proxy.</summary>
    public string AppConnectionString => StorageConnection.For(null, null, _proxies[StorageChannel.AppTables].Port);

    /// <summary>The durable backend's connection (blob, queue, table), through theirs.</summary>
    public string DurableConnectionString => StorageConnection.For(
        _proxies[StorageChannel.DurableBlobs].Port, _proxies[StorageChannel.DurableQueues].Port, _proxies[StorageChannel.DurableTables].Port);

    public long ScanFailures => _proxies.Values.Sum(p => p.ScanFailures);

    public TrafficSnapshot Take() => new(
        DateTime.UtcNow,
        _proxies.ToDictionary(p => p.Key, p => p.Value.Snapshot()));

    public async ValueTask DisposeAsync()
    {
        foreach (var proxy in _proxies.Values)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
        }
    }
}
