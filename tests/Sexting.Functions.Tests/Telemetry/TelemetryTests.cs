using System.Collections.Concurrent;
using Microsoft.ApplicationInsights.Channel;
using Microsoft.ApplicationInsights.DataContracts;
using Microsoft.ApplicationInsights.Extensibility;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Functions.Notifications;
using Sexting.Functions.Telemetry;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Telemetry;

/// <summary>The worker's Application Insights set-up, with a channel that keeps what would be sent.</summary>
public sealed class TelemetryTests
{
    private const string Token = "r7hQ2.Kp9xVb3mZsT4uW8yA1cD6eF0gHjLnRqSvXz";

    [Fact]
    public async Task Logger_InformationFromTheApp_ReachesApplicationInsights()
    {
        var (provider, channel) = Build();
        await using (provider)
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Sexting.Functions.Workflow");

            logger.LogInformation("Referral {ReferralId} assessed", "r-123");

            // Without removing the SDK's default rule only Warning and above would arrive.
            var trace = Assert.Single(channel.Items.OfType<TraceTelemetry>(), t => t.Message.Contains("r-123", StringComparison.Ordinal));
            Assert.Equal(SeverityLevel.Information, trace.SeverityLevel);
        }
    }

    // docs/monitoring.md's alert query reads these dimensions of a stalled step's error.
    [Fact]
    public async Task Logger_StalledStep_ErrorWithTheDimensionsTheAlertQueries()
    {
        var (provider, channel) = Build();
        await using (provider)
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(ReferralOrchestration));

            ActivityRetryHandler.LogStalled(logger, "r-123", nameof(SendEmailActivity), 9, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));

            var trace = Assert.Single(channel.Items.OfType<TraceTelemetry>(), t => t.Message.Contains("r-123", StringComparison.Ordinal));
            Assert.Equal(SeverityLevel.Error, trace.SeverityLevel);
            Assert.Equal("Referral r-123: step SendEmailActivity stalled, attempt 9 failed; next attempt at 2026-12-01T10:00:00.0000000Z", trace.Message);
            Assert.StartsWith("Referral {ReferralId}: step {Activity} ", trace.Properties["OriginalFormat"], StringComparison.Ordinal);
            Assert.Equal("r-123", trace.Properties["ReferralId"]);
            Assert.Equal(nameof(SendEmailActivity), trace.Properties["Activity"]);
            Assert.Equal("9", trace.Properties["Attempt"]);
            Assert.StartsWith("Referral {ReferralId}: step {Activity} ", ActivityRetryHandler.GaveUpMessage, StringComparison.Ordinal);
        }
    }

    // The stalled-step alert counts these errors: a sampler that keeps almost nothing (an outage's rate) keeps them.
    [Fact]
    public async Task Logger_UnderSampling_ErrorsAndExceptionsKeptInformationSampledOut()
    {
        var (provider, channel) = Build();
        await using (provider)
        {
            var telemetry = provider.GetRequiredService<TelemetryConfiguration>();
            telemetry.TelemetryProcessorChainBuilder
                .Use(next => new Microsoft.ApplicationInsights.WindowsServer.TelemetryChannel.SamplingTelemetryProcessor(next) { SamplingPercentage = 1e-9 })
                .Build();
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger(nameof(ReferralOrchestration));

            for (var i = 0; i < 20; i++)
            {
                logger.LogInformation("Referral {ReferralId} assessed", "r-info-" + i);
            }

            ActivityRetryHandler.LogStalled(logger, "r-123", nameof(SendEmailActivity), 9, new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc));
            logger.LogError(new InvalidOperationException("Step failed"), "Referral {ReferralId}: step failed", "r-456");

            Assert.DoesNotContain(channel.Items.OfType<TraceTelemetry>(), t => t.Message.Contains("r-info-", StringComparison.Ordinal));
            var stalled = Assert.Single(channel.Items.OfType<TraceTelemetry>(), t => t.Message.Contains("r-123", StringComparison.Ordinal));
            Assert.Equal(100, ((ISupportSampling)stalled).SamplingPercentage);
            Assert.Single(channel.Items.OfType<ExceptionTelemetry>(), e => e.Properties.Values.Any(v => v.Contains("r-456", StringComparison.Ordinal)));
        }
    }

    [Fact]
    public async Task Logger_MessageWithALinkPath_TokenRedacted()
    {
        var (provider, channel) = Build();
        await using (provider)
        {
            var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Sexting.Functions.Authorisation");

            logger.LogWarning("Link {Path} failed", $"/api/approvals/{Token}");

            var trace = Assert.Single(channel.Items.OfType<TraceTelemetry>(), t => t.Message.StartsWith("Link ", StringComparison.Ordinal));
            Assert.Equal("Link /api/approvals/{token} failed", trace.Message);
            Assert.DoesNotContain(Token, string.Join('|', trace.Properties.Values), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("https://func-x.azurewebsites.net/api/approvals/" + Token, "https://func-x.azurewebsites.net/api/approvals/{token}")]
    [InlineData("https://func-x.azurewebsites.net/api/education/" + Token + "?x=1", "https://func-x.azurewebsites.net/api/education/{token}?x=1")]
    [InlineData("https://func-x.azurewebsites.net/api/confirmations/" + Token, "https://func-x.azurewebsites.net/api/confirmations/{token}")]
    [InlineData("https://func-x.azurewebsites.net/api/referrals/abc?code=secret-key&y=2", "https://func-x.azurewebsites.net/api/referrals/abc?code={redacted}&y=2")]
    [InlineData("https://func-x.azurewebsites.net/api/referrals/abc", "https://func-x.azurewebsites.net/api/referrals/abc")]
    public async Task Request_UrlAndName_SecretsReplaced(string url, string expected)
    {
        var (provider, channel) = Build();
        await using (provider)
        {
            var client = new Microsoft.ApplicationInsights.TelemetryClient(provider.GetRequiredService<TelemetryConfiguration>());

            client.TrackRequest(new RequestTelemetry { Url = new Uri(url), Name = "GET " + new Uri(url).AbsolutePath, ResponseCode = "200" });

            var request = Assert.Single(channel.Items.OfType<RequestTelemetry>());
            Assert.Equal(expected, request.Url.OriginalString);
            Assert.DoesNotContain(Token, request.Name, StringComparison.Ordinal);
            Assert.DoesNotContain("secret-key", request.Url.OriginalString, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("ClientId=11111111-2222-3333-4444-555555555555;Authorization=AAD", "11111111-2222-3333-4444-555555555555")]
    [InlineData("Authorization=AAD", "")]
    [InlineData("authorization=aad; clientid=abc", "abc")]
    [InlineData("ClientId=abc", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void EntraIngestion_Setting_ClientId(string? setting, string? expected) =>
        Assert.Equal(expected, EntraIngestion.ClientIdOf(setting));

    private static (ServiceProvider Provider, CapturingChannel Channel) Build()
    {
        var channel = new CapturingChannel();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Loopback endpoints on a port nothing listens on; the capturing channel sends nothing anyway.
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = "InstrumentationKey=00000000-0000-0000-0000-0000000000ab;IngestionEndpoint=http://127.0.0.1:9/;LiveEndpoint=http://127.0.0.1:9/",
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<ITelemetryChannel>(channel)
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Information));
        services.AddSextingTelemetry();
        return (services.BuildServiceProvider(), channel);
    }

    private sealed class CapturingChannel : ITelemetryChannel
    {
        private readonly ConcurrentQueue<ITelemetry> _items = new();

        public IReadOnlyList<ITelemetry> Items => [.. _items];

        public bool? DeveloperMode { get; set; }

        public string? EndpointAddress { get; set; }

        public void Send(ITelemetry item) => _items.Enqueue(item);

        public void Flush()
        {
        }

        public void Dispose()
        {
        }
    }
}
