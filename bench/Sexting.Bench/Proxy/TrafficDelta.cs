namespace Sexting.Bench.Proxy;

/// <summary>Storage requests counted over an interval: the app's own tables, the durable backend, and each by "channel METHOD resource".</summary>
internal sealed record TrafficDelta(TimeSpan Duration, long App, long Durable, IReadOnlyDictionary<string, long> ByKey)
{
    public static TrafficDelta Empty { get; } = new(TimeSpan.Zero, 0, 0, new Dictionary<string, long>());

    public TrafficDelta Plus(TrafficDelta other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var byKey = new Dictionary<string, long>(ByKey, StringComparer.Ordinal);
        foreach (var (key, count) in other.ByKey)
        {
            byKey[key] = byKey.GetValueOrDefault(key) + count;
        }

        return new TrafficDelta(Duration + other.Duration, App + other.App, Durable + other.Durable, byKey);
    }
}
