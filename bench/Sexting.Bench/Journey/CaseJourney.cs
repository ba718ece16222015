using Sexting.Bench.Proxy;

namespace Sexting.Bench.Journey;

/// <summary>One case driven from intake to closure, timed and counted.</summary>
internal sealed record CaseJourney(
    double IntakeMs,
    TrafficDelta IntakeTraffic,
    double IntakeToAuthorisationRequestMs,
    double DecisionToLastFanOutMs,
    TrafficDelta CaseTraffic);
