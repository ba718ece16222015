using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Sexting.Functions.Telemetry;

/// <summary>
/// Application Insights: the worker's errors are never sampled out. The worker SDK's adaptive sampling keeps a
/// share of each kind of item once the rate is high, and an outage is when the rate is high; the stalled-step
/// alert (docs/deploy.md, "Monitoring") counts these errors. An item whose sampling percentage is set already
/// passes the sampler untouched, so errors and exceptions are marked as kept whole (100 %) before it.
/// </summary>
internal sealed class UnsampledFailuresTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        var failure = telemetry is ExceptionTelemetry
            || telemetry is TraceTelemetry { SeverityLevel: SeverityLevel.Error or SeverityLevel.Critical };
        if (failure && telemetry is ISupportSampling { SamplingPercentage: null } sampling)
        {
            sampling.SamplingPercentage = 100;
        }
    }
}
