using Sexting.TestSupport;

namespace Sexting.Bench.Hosting;

/// <summary>Azurite in memory on free loopback ports, started by the bench and stopped by its PID.</summary>
internal sealed class AzuriteEmulator : IAsyncDisposable
{
    private readonly ProcessRunner _process;

    private AzuriteEmulator(ProcessRunner process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A direct connection (no proxy): for the floor, seeding and the reminder scan.</summary>
    public string ConnectionString => StorageConnection.For(BlobPort, QueuePort, TablePort);

    public static async Task<AzuriteEmulator> StartAsync()
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        int blob = Ports.GetFree(), queue = Ports.GetFree(), table = Ports.GetFree();
        var process = ProcessRunner.Start(
            azurite,
            ["--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
             "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
             "--blobPort", blob.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--queuePort", queue.ToString(System.Globalization.CultureInfo.InvariantCulture),
             "--tablePort", table.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            name: "azurite");
        try
        {
            await Ports.WaitUntilListeningAsync([blob, queue, table], TimeSpan.FromSeconds(60), process).ConfigureAwait(false);
        }
        catch
        {
            await process.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return new AzuriteEmulator(process, blob, queue, table);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
