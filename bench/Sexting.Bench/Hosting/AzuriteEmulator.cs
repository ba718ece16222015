using Sexting.TestSupport.Processes;

namespace Sexting.Bench.Hosting;

/// <summary>
/// Azurite in memory on free loopback ports, one Node process per service (as the tests run it,
/// <see cref="AzuriteProcess"/>), started by the bench and stopped by its PIDs.
/// </summary>
internal sealed class AzuriteEmulator : IAsyncDisposable
{
    private readonly AzuriteProcess _process;

    private AzuriteEmulator(AzuriteProcess process) => _process = process;

    public int BlobPort => _process.BlobPort;

    public int QueuePort => _process.QueuePort;

    public int TablePort => _process.TablePort;

    /// <summary>A direct connection (no proxy): for the floor, seeding and the reminder scan.</summary>
    public string ConnectionString => StorageConnection.For(BlobPort, QueuePort, TablePort);

    public static async Task<AzuriteEmulator> StartAsync() =>
        new(await AzuriteProcess.StartAsync(new AzuriteOptions { Name = "azurite" }).ConfigureAwait(false));

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
