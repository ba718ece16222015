using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;

namespace Sexting.Functions.Telemetry;

/// <summary>
/// Application Insights: every item the worker sends (requests, dependencies, traces, exceptions)
/// records link paths with the token replaced and function keys removed (<see cref="SecretPathRedaction"/>).
/// </summary>
internal sealed class SecretPathTelemetryInitializer : ITelemetryInitializer
{
    public void Initialize(ITelemetry telemetry)
    {
        switch (telemetry)
        {
            case RequestTelemetry request:
                request.Name = SecretPathRedaction.Redact(request.Name);
                if (request.Url is { } url && SecretPathRedaction.Redact(url.OriginalString) is { } redacted && redacted != url.OriginalString)
                {
                    request.Url = new Uri(redacted, UriKind.RelativeOrAbsolute);
                }

                break;
            case DependencyTelemetry dependency:
                dependency.Name = SecretPathRedaction.Redact(dependency.Name);
                dependency.Data = SecretPathRedaction.Redact(dependency.Data);
                break;
            case TraceTelemetry trace:
                trace.Message = SecretPathRedaction.Redact(trace.Message);
                break;
            case ExceptionTelemetry exception:
                exception.Message = SecretPathRedaction.Redact(exception.Message);
                break;
        }

        if (telemetry is ISupportProperties { Properties: { Count: > 0 } properties })
        {
            foreach (var key in properties.Keys.ToList())
            {
                properties[key] = SecretPathRedaction.Redact(properties[key]);
            }
        }
    }
}
