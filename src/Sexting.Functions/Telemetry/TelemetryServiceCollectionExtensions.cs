using Azure.Identity;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sexting.Functions.Telemetry;

/// <summary>Application Insights for the Functions worker (docs/deploy.md, "Telemetry").</summary>
public static class TelemetryServiceCollectionExtensions
{
    /// <summary>The logger provider whose default Warning rule the SDK adds and the isolated-worker guide removes.</summary>
    internal const string ApplicationInsightsLoggerProvider =
        "Microsoft.Extensions.Logging.ApplicationInsights.ApplicationInsightsLoggerProvider";

    /// <summary>
    /// Adds Application Insights (connection string from <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>),
    /// lets the worker's Information logs through (the SDK keeps only Warning and above unless its
    /// default rule is removed), signs in to ingestion with the managed identity when
    /// <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> says <c>Authorization=AAD</c> (the resource
    /// refuses key-only ingestion, docs/deploy.md), redacts link tokens and function keys from
    /// every item, and keeps every error and exception whole through adaptive sampling.
    /// </summary>
    public static IServiceCollection AddSextingTelemetry(this IServiceCollection services)
    {
        services
            .AddApplicationInsightsTelemetryWorkerService(options =>
            {
                // The Functions platform is not a virtual machine: there is no instance metadata
                // service to ask (the App Service heartbeat module describes the instance instead).
                options.EnableAzureInstanceMetadataTelemetryModule = false;
            })
            .ConfigureFunctionsApplicationInsights();
        services.AddSingleton<ITelemetryInitializer, SecretPathTelemetryInitializer>();
        services.AddSingleton<ITelemetryInitializer, UnsampledFailuresTelemetryInitializer>();
        services.AddOptions<TelemetryConfiguration>().Configure<IConfiguration>((telemetry, configuration) =>
        {
            if (EntraIngestion.ClientIdOf(configuration[EntraIngestion.SettingName]) is { } identity)
            {
                telemetry.SetAzureTokenCredential(new ManagedIdentityCredential(
                    identity.Length == 0 ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(identity)));
            }
        });
        services.Configure<LoggerFilterOptions>(options =>
        {
            var rule = options.Rules.FirstOrDefault(r => r.ProviderName == ApplicationInsightsLoggerProvider);
            if (rule is not null)
            {
                options.Rules.Remove(rule);
            }
        });
        return services;
    }
}
