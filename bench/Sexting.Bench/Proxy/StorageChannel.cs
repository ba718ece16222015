namespace Sexting.Bench.Proxy;

/// <summary>Which storage traffic a proxy port carries: the app's own tables, or the durable backend's tables, queues and blobs.</summary>
internal enum StorageChannel
{
    AppTables,
    DurableTables,
    DurableQueues,
    DurableBlobs,
}
