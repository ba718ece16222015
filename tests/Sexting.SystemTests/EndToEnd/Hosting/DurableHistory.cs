using System.Diagnostics;
using Azure.Data.Tables;
using Sexting.SystemTests.EndToEnd.Client;

namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// The durable backend's own record of an orchestration (the Azure Storage provider's
/// <c>{TaskHub}History</c> table). An episode's events are written only when the episode commits,
/// so once the history holds the completion of the activity that sent an email, the
/// orchestration has moved past it and is waiting: a safe moment to stop the host.
/// </summary>
public sealed class DurableHistory(string connectionString, string taskHub)
{
    /// <summary>Waits until the orchestration's history holds <paramref name="count"/> completed activities.</summary>
    public async Task WaitForCompletedActivitiesAsync(string instanceId, int count)
    {
        var table = new TableClient(connectionString, taskHub + "History");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var events = new List<string>();
            try
            {
                await foreach (var entity in table.QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["EventType"]))
                {
                    events.Add(entity.GetString("EventType") ?? "");
                }
            }
            catch (Azure.RequestFailedException ex) when (ex.Status == 404)
            {
                // The history table is not there yet.
            }

            if (events.Count(e => e == "TaskCompleted") >= count)
            {
                return;
            }

            if (clock.Elapsed > Waits.Default)
            {
                throw new TimeoutException($"Waited {Waits.Default} for {count} completed activities of {instanceId}; history: [{string.Join(", ", events)}]");
            }

            await Task.Delay(Waits.PollInterval);
        }
    }

    /// <summary>How many rows the backend holds for the instance: history events and instance (status) rows.</summary>
    public async Task<(int History, int Instances)> RowsOfAsync(string instanceId) =>
        (await CountAsync(taskHub + "History", instanceId), await CountAsync(taskHub + "Instances", instanceId));

    private async Task<int> CountAsync(string tableName, string instanceId)
    {
        var count = 0;
        try
        {
            await foreach (var _ in new TableClient(connectionString, tableName).QueryAsync<TableEntity>(e => e.PartitionKey == instanceId, select: ["RowKey"]))
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            // No such table: nothing held.
        }

        return count;
    }
}
