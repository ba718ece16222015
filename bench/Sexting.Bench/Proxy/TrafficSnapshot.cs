namespace Sexting.Bench.Proxy;

/// <summary>Request counts of every proxy at one moment, by channel and by "METHOD resource".</summary>
internal sealed record TrafficSnapshot(DateTime At, IReadOnlyDictionary<StorageChannel, IReadOnlyDictionary<string, long>> Counts)
{
    public long Total(StorageChannel channel) => Counts.TryGetValue(channel, out var byKey) ? byKey.Values.Sum() : 0;

    public long Durable => Total(StorageChannel.DurableTables) + Total(StorageChannel.DurableQueues) + Total(StorageChannel.DurableBlobs);

    public long App => Total(StorageChannel.AppTables);

    /// <summary>What happened between <paramref name="earlier"/> and this snapshot.</summary>
    public TrafficDelta Since(TrafficSnapshot earlier)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        var byKey = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (channel, counts) in Counts)
        {
            earlier.Counts.TryGetValue(channel, out var before);
            foreach (var (key, count) in counts)
            {
                var previous = before is not null && before.TryGetValue(key, out var b) ? b : 0;
                if (count != previous)
                {
                    byKey[channel + " " + key] = count - previous;
                }
            }
        }

        return new TrafficDelta(At - earlier.At, App - earlier.App, Durable - earlier.Durable, byKey);
    }
}
