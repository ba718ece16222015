using Microsoft.Extensions.Logging.Abstractions;
using Sexting.LocalHost.Durable;

namespace Sexting.LocalHost.Tests;

/// <summary>
/// The local host's durable settings reach the Azure Storage provider: the concurrency caps and the partition
/// count only when set (issue 22 measured them; 0 keeps the provider's defaults), and the task hub, polling and
/// visibility always.
/// </summary>
public sealed class DurableBackendSettingsTests
{
    private const string Connection = "UseDevelopmentStorage=true";

    [Fact]
    public void ProviderSettings_CapsNotSet_TheProvidersDefaults()
    {
        var defaults = new DurableTask.AzureStorage.AzureStorageOrchestrationServiceSettings();

        var settings = DurableBackend.ProviderSettings(new LocalHostOptions(), Connection, NullLoggerFactory.Instance);

        Assert.Equal(defaults.MaxConcurrentTaskActivityWorkItems, settings.MaxConcurrentTaskActivityWorkItems);
        Assert.Equal(defaults.MaxConcurrentTaskOrchestrationWorkItems, settings.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.Equal(4, defaults.PartitionCount);
        Assert.Equal(defaults.PartitionCount, settings.PartitionCount);
    }

    [Fact]
    public void ProviderSettings_CapsSet_PassedOn()
    {
        var options = new LocalHostOptions
        {
            TaskHub = "CapsHub",
            MaxConcurrentActivities = 2,
            MaxConcurrentOrchestrations = 4,
            PartitionCount = 1,
            MaxQueuePollingInterval = TimeSpan.FromSeconds(3),
            WorkItemVisibilityTimeout = TimeSpan.FromSeconds(45),
        };

        var settings = DurableBackend.ProviderSettings(options, Connection, NullLoggerFactory.Instance);

        Assert.Equal(2, settings.MaxConcurrentTaskActivityWorkItems);
        Assert.Equal(4, settings.MaxConcurrentTaskOrchestrationWorkItems);
        Assert.Equal(1, settings.PartitionCount);
        Assert.Equal("CapsHub", settings.TaskHubName);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.MaxQueuePollingInterval);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.ControlQueueVisibilityTimeout);
        Assert.Equal(TimeSpan.FromSeconds(45), settings.WorkItemQueueVisibilityTimeout);
    }
}
