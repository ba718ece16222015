using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests;

/// <summary>host.json: task hub, storage provider, a timeout, and logs without Durable Task noise or case data.</summary>
public sealed class HostJsonTests
{
    private static readonly JsonObject Host = JsonNode.Parse(
        File.ReadAllText(RepoPaths.File("host.json")),
        documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip })!.AsObject();

    private static JsonNode DurableTask => Host["extensions"]!["durableTask"]!;

    [Fact]
    public void HostJson_Version_Two() => Assert.Equal("2.0", (string?)Host["version"]);

    [Fact]
    public void HostJson_FunctionTimeout_SetAndAtMostThirtyMinutes()
    {
        var timeout = TimeSpan.Parse((string)Host["functionTimeout"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(timeout, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void HostJson_TaskHub_NamedAndValid()
    {
        var hub = (string?)DurableTask["hubName"];

        // Task hub names: 3-45 characters, letters and digits, starting with a letter.
        Assert.Matches("^[A-Za-z][A-Za-z0-9]{2,44}$", hub);
    }

    [Fact]
    public void HostJson_StorageProvider_AzureStorageThroughIdentityConnection()
    {
        var provider = DurableTask["storageProvider"]!;

        Assert.Equal("AzureStorage", (string?)provider["type"]);
        // A connection *name*: AzureWebJobsStorage__accountName/__credential/__clientId in Azure.
        Assert.Equal("AzureWebJobsStorage", (string?)provider["connectionName"]);
        Assert.Null(provider["connectionStringName"]);
    }

    [Fact]
    public void HostJson_QueuePolling_AtMostTenSeconds()
    {
        // Flex Consumption guidance for Durable Functions: poll the task hub's queues at least every 10 s.
        var interval = TimeSpan.Parse((string)DurableTask["storageProvider"]!["maxQueuePollingInterval"]!, System.Globalization.CultureInfo.InvariantCulture);

        Assert.InRange(interval, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void HostJson_HostRequestTelemetry_NoRequestPaths()
    {
        // The host's request telemetry would record /api/approvals/{token} with the token in it; the
        // worker's own telemetry redacts it (SecretPathTelemetryInitializer).
        var options = Host["logging"]!["applicationInsights"]!["httpAutoCollectionOptions"]!;

        Assert.False((bool)options["enableHttpTriggerExtendedInfoCollection"]!);
    }

    [Fact]
    public void HostJson_DurableTracing_NoInputsOutputsOrReplays()
    {
        // Orchestration inputs and activity results carry referral data.
        Assert.False((bool)DurableTask["tracing"]!["traceInputsAndOutputs"]!);
        Assert.False((bool)DurableTask["tracing"]!["traceReplayEvents"]!);
    }

    [Theory]
    [InlineData("DurableTask.AzureStorage")]
    [InlineData("DurableTask.Core")]
    [InlineData("Host.Triggers.DurableTask")]
    [InlineData("Azure.Core")]
    [InlineData("default")]
    public void HostJson_NoisyCategory_WarningOrAbove(string category)
    {
        var level = (string?)Host["logging"]!["logLevel"]![category];

        Assert.Contains(level, new[] { "Warning", "Error", "Critical", "None" });
    }

    [Fact]
    public void HostJson_Sampling_KeepsEveryRequestAndException()
    {
        var excluded = (string?)Host["logging"]!["applicationInsights"]!["samplingSettings"]!["excludedTypes"];

        Assert.Contains("Request", excluded!.Split(';'));
        Assert.Contains("Exception", excluded.Split(';'));
    }

    [Fact]
    public void HostJson_RoutePrefix_Api() => Assert.Equal("api", (string?)Host["extensions"]!["http"]!["routePrefix"]);
}
