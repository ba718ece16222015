using Sexting.Bench.Proxy;

namespace Sexting.Bench.Minimal;

/// <summary>One minimal approval, start to completion: its duration and its durable requests.</summary>
internal sealed record MinimalResult(double Milliseconds, TrafficDelta Traffic);
