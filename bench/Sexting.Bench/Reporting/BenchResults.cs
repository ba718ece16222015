using Sexting.Bench.Floor;
using Sexting.Bench.Intake;
using Sexting.Bench.Journey;
using Sexting.Bench.Proxy;
using Sexting.Bench.Scan;

namespace Sexting.Bench.Reporting;

/// <summary>Everything one run measured.</summary>
internal sealed class BenchResults
{
    public List<FloorResult> Floor { get; } = [];

    public List<IntakeResult> Intake { get; } = [];

    /// <summary>The same intake with the durable dispatcher paused: the intake path alone (issue 22).</summary>
    public List<IntakeResult> IntakePaused { get; } = [];

    public List<CaseJourney> Journeys { get; } = [];

    public List<ScanResult> Scans { get; } = [];

    /// <summary>Background requests of an idle host (durable queue polling, leases) over <see cref="TrafficDelta.Duration"/>.</summary>
    public TrafficDelta Idle { get; set; } = TrafficDelta.Empty;

    public long ProxyScanFailures { get; set; }

    /// <summary>The minimal approval orchestration, one at a time (issue 22).</summary>
    public List<Minimal.MinimalResult> Minimal { get; } = [];

    /// <summary>The minimal worker's idle polling, subtracted from its runs.</summary>
    public TrafficDelta MinimalIdle { get; set; } = TrafficDelta.Empty;

    /// <summary>The local host's peak resident memory (VmHWM), MiB, per phase.</summary>
    public Dictionary<string, double> PeakMemoryMiB { get; } = new(StringComparer.Ordinal);

    public double MinimalDurablePerCase => Minimal.Count == 0 ? double.NaN : Minimal.Average(m =>
        m.Traffic.Durable - (MinimalIdle.Duration > TimeSpan.Zero ? MinimalIdle.Durable / MinimalIdle.Duration.TotalSeconds : 0) * m.Traffic.Duration.TotalSeconds);

    /// <summary>Cases per second one at a time: 1 / the mean time from intake to the orchestration's completion.</summary>
    public double JourneysPerSecond => Journeys.Count == 0 ? double.NaN
        : 1000 / Journeys.Average(j => j.CaseTraffic.Duration.TotalMilliseconds - Journey.CaseJourneyBenchmark.Settle.TotalMilliseconds);

    public double MinimalPerSecond => Minimal.Count == 0 ? double.NaN : 1000 / Minimal.Average(m => m.Milliseconds);

    public double IdleAppPerSecond => Idle.Duration > TimeSpan.Zero ? Idle.App / Idle.Duration.TotalSeconds : 0;

    public double IdleDurablePerSecond => Idle.Duration > TimeSpan.Zero ? Idle.Durable / Idle.Duration.TotalSeconds : 0;

    /// <summary>Mean requests per intake, less the idle background over the intake's own time.</summary>
    public (double App, double Durable) PerIntake => Journeys.Count == 0 ? (double.NaN, double.NaN) : (
        Journeys.Average(j => j.IntakeTraffic.App - (IdleAppPerSecond * j.IntakeTraffic.Duration.TotalSeconds)),
        Journeys.Average(j => j.IntakeTraffic.Durable - (IdleDurablePerSecond * j.IntakeTraffic.Duration.TotalSeconds)));

    /// <summary>Mean requests per case from intake to closure, less the idle background over the case's time.</summary>
    public (double App, double Durable) PerCase => Journeys.Count == 0 ? (double.NaN, double.NaN) : (
        Journeys.Average(j => j.CaseTraffic.App - (IdleAppPerSecond * j.CaseTraffic.Duration.TotalSeconds)),
        Journeys.Average(j => j.CaseTraffic.Durable - (IdleDurablePerSecond * j.CaseTraffic.Duration.TotalSeconds)));

    public double TransactionsPerIntake => PerIntake.App + PerIntake.Durable;
}
