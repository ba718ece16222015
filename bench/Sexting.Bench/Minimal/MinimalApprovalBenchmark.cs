using System.Diagnostics;
using Azure.Data.Tables;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Sexting.Bench.Proxy;

namespace Sexting.Bench.Minimal;

/// <summary>
/// Runs <see cref="MinimalApproval"/> on the Azure Storage provider through the same counting proxies
/// and with the local host's polling interval (1 s), one instance at a time as the end-to-end cases
/// run: start, wait for the request's completion, raise the approval, wait for completion. The
/// engine's own cost of the app's shape, to divide the app's figures by (issue 22). Progress is
/// watched straight in Azurite, not through the proxies, so watching costs the count nothing.
/// </summary>
internal sealed class MinimalApprovalBenchmark(StorageProxies proxies, string directConnectionString) : IAsyncDisposable
{
    private AzureStorageOrchestrationService? _service;
    private TaskHubWorker? _worker;
    private TaskHubClient? _client;

    public async Task StartAsync()
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = "BenchMinimal",
            StorageAccountClientProvider = new StorageAccountClientProvider(proxies.DurableConnectionString),
            WorkerId = "sexting-bench-minimal",
            MaxQueuePollingInterval = TimeSpan.FromSeconds(1),
        };
        _service = new AzureStorageOrchestrationService(settings);
        await _service.CreateIfNotExistsAsync().ConfigureAwait(false);
        _worker = new TaskHubWorker(_service);
        _worker.AddTaskOrchestrations(typeof(MinimalApproval));
        _worker.AddTaskActivities(typeof(MinimalNotify));
        await _worker.StartAsync().ConfigureAwait(false);
        _client = new TaskHubClient(_service);
    }

    public async Task<MinimalResult> RunAsync(CancellationToken cancellationToken)
    {
        var client = _client ?? throw new InvalidOperationException("Not started.");
        var start = proxies.Take();
        var clock = Stopwatch.StartNew();
        var instance = await client.CreateOrchestrationInstanceAsync(typeof(MinimalApproval), Guid.NewGuid().ToString("N"), "case").ConfigureAwait(false);

        // The approver acts once the request has gone (its activity completed), as the manager does.
        var history = new TableClient(directConnectionString, "BenchMinimalHistory");
        await UntilAsync(async () =>
        {
            await foreach (var _ in history.QueryAsync<TableEntity>($"PartitionKey eq '{instance.InstanceId}' and EventType eq 'TaskCompleted'", select: ["RowKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                return true;
            }

            return false;
        }, cancellationToken).ConfigureAwait(false);

        await client.RaiseEventAsync(instance, MinimalApproval.ApprovalEvent, "approved").ConfigureAwait(false);
        var instances = new TableClient(directConnectionString, "BenchMinimalInstances");
        await UntilAsync(async () =>
        {
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(instance.InstanceId, "", ["RuntimeStatus"], cancellationToken).ConfigureAwait(false);
            var status = row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
            return status is "Failed" or "Terminated"
                ? throw new InvalidOperationException($"The minimal approval ended {status}.")
                : status == "Completed";
        }, cancellationToken).ConfigureAwait(false);

        var ms = clock.Elapsed.TotalMilliseconds;
        await Task.Delay(Journey.CaseJourneyBenchmark.Settle, cancellationToken).ConfigureAwait(false);
        return new MinimalResult(ms, proxies.Take().Since(start));
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!await condition().ConfigureAwait(false))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The minimal approval did not progress within 60 s.");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_worker is not null)
        {
            await _worker.StopAsync(true).ConfigureAwait(false);
            _worker.Dispose();
        }
    }
}
