using Sexting.Bench.Proxy;
using Sexting.Bench.Reporting;

namespace Sexting.Bench.Intake;

/// <summary>Intake throughput and latency at a concurrency, and every storage request counted while it ran.</summary>
internal sealed record IntakeResult(int Clients, int Accepted, int Failed, TimeSpan Duration, LatencySummary Latency, TrafficDelta Traffic)
{
    public double PerSecond => Accepted / Duration.TotalSeconds;
}
