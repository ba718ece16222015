namespace Sexting.Bench.Floor;

/// <summary>Raw single-entity upserts per second to Azurite at a concurrency.</summary>
internal sealed record FloorResult(int Clients, int Upserts, TimeSpan Duration, int Errors)
{
    public double PerSecond => Upserts / Duration.TotalSeconds;
}
