using System.Globalization;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// Azurite of the test's own, on three free loopback ports: in memory, or with its data in
/// <c>dataDirectory</c> when a test needs it to survive an Azurite restart. Stopped by its PID.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    // The well-known development account key published with Azurite; not a secret.
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ProcessRunner _process;

    private AzuriteProcess(ProcessRunner process, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    /// <summary>A connection string for this emulator, for the case store and the durable backend alike.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1;" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;");

    /// <summary>Starts Azurite on free ports (or on the given ones, to restart it where it was) and waits until it listens.</summary>
    public static async Task<AzuriteProcess> StartAsync(string? dataDirectory = null, (int Blob, int Queue, int Table)? ports = null)
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        var (blob, queue, table) = ports ?? (Ports.GetFree(), Ports.GetFree(), Ports.GetFree());
        List<string> arguments =
        [
            "--silent", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", blob.ToString(CultureInfo.InvariantCulture),
            "--queueHost", "127.0.0.1", "--queuePort", queue.ToString(CultureInfo.InvariantCulture),
            "--tableHost", "127.0.0.1", "--tablePort", table.ToString(CultureInfo.InvariantCulture),
        ];
        if (dataDirectory is null)
        {
            arguments.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(dataDirectory);
            arguments.AddRange(["--location", dataDirectory]);
        }

        var process = ProcessRunner.Start(azurite, arguments, name: "azurite");
        try
        {
            await Ports.WaitUntilListeningAsync([blob, queue, table], TimeSpan.FromSeconds(60), process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new AzuriteProcess(process, blob, queue, table);
    }

    /// <summary>Stops Azurite: SIGTERM, then (an on-disk instance may need it) a kill after a short grace.</summary>
    public async ValueTask DisposeAsync() => await _process.DisposeAsync();
}
