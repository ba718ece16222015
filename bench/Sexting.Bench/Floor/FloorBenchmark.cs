using System.Diagnostics;
using Azure;
using Azure.Data.Tables;

namespace Sexting.Bench.Floor;

/// <summary>
/// The floor the storage sets: closed-loop clients each upserting one small entity at a time
/// (a new partition every time, as the app's case rows are), straight to Azurite, no proxy.
/// </summary>
internal sealed class FloorBenchmark(string connectionString)
{
    private readonly TableClient _table = new TableServiceClient(connectionString).GetTableClient("FloorUpserts");

    public async Task<FloorResult> RunAsync(int clients, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        await _table.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        await LoopAsync(clients, warmUp, cancellationToken).ConfigureAwait(false);
        var clock = Stopwatch.StartNew();
        var (upserts, errors) = await LoopAsync(clients, duration, cancellationToken).ConfigureAwait(false);
        return new FloorResult(clients, upserts, clock.Elapsed, errors);
    }

    private async Task<(int Upserts, int Errors)> LoopAsync(int clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        int upserts = 0, errors = 0;
        var payload = new string('x', 512);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    await _table.UpsertEntityAsync(
                        new TableEntity(Guid.NewGuid().ToString("N"), "case") { ["Status"] = "Received", ["Payload"] = payload },
                        TableUpdateMode.Replace,
                        cancellationToken).ConfigureAwait(false);
                    Interlocked.Increment(ref upserts);
                }
                catch (RequestFailedException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ConfigureAwait(false);
        return (upserts, errors);
    }
}
