using Sexting.Bench.Proxy;
using Sexting.Bench.Reporting;

namespace Sexting.Bench.Intake;

/// <summary>Intake throughput and latency at a concurrency, and every storage request counted while it ran.</summary>
internal sealed record IntakeResult(int Clients, int Accepted, int Failed, TimeSpan Duration, LatencySummary Latency, TrafficDelta Traffic)
{
    public double PerSecond => Accepted / Duration.TotalSeconds;

    /// <summary>The local host's CPU time (user + system) over the measured window; null where /proc is not there.</summary>
    public TimeSpan? HostCpu { get; init; }

    /// <summary>The local host's CPU milliseconds per accepted intake (with the workflow running, its work is in it too).</summary>
    public double? HostCpuMsPerIntake => HostCpu is { } cpu && Accepted > 0 ? cpu.TotalMilliseconds / Accepted : null;
}
