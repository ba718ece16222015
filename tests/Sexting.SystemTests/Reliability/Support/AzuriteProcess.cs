using System.Globalization;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// An Azurite of the test's own on free loopback ports. By default its data is on disk in a temp
/// directory, so it can be stopped (by PID) and started again with its data intact; in memory
/// (<paramref name="inMemory"/>) it spends no time writing its whole database to disk every 5 s,
/// which is what a long load run on one emulator needs, and nothing survives a stop.
/// </summary>
public sealed class AzuriteProcess(bool inMemory = false) : IAsyncDisposable
{
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly int[] _ports = [Ports.GetFree(), Ports.GetFree(), Ports.GetFree()];
    private readonly string _location = Directory.CreateTempSubdirectory("sexting-azurite-").FullName;
    private ProcessRunner? _process;

    /// <summary>The connection string of this emulator (its published development account).</summary>
    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevKey};" +
        $"BlobEndpoint=http://127.0.0.1:{_ports[0]}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{_ports[1]}/devstoreaccount1;" +
        $"TableEndpoint=http://127.0.0.1:{_ports[2]}/devstoreaccount1;";

    public bool Running => _process is { HasExited: false };

    public async Task StartAsync()
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        string P(int i) => _ports[i].ToString(CultureInfo.InvariantCulture);
        string[] store = inMemory ? ["--inMemoryPersistence"] : ["--location", _location];
        _process = ProcessRunner.Start(
            azurite,
            [.. store, "--silent", "--disableTelemetry", "--skipApiVersionCheck",
             "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1",
             "--blobPort", P(0), "--queuePort", P(1), "--tablePort", P(2)],
            name: "azurite-own");
        await Ports.WaitUntilListeningAsync(_ports, TimeSpan.FromSeconds(60), _process);
    }

    /// <summary>
    /// Stops it by PID: SIGTERM, then SIGKILL after 5 s. (A SIGKILL at once loses Azurite's own
    /// last writes, which are flushed to disk lazily: an emulator artefact, not a product fault.)
    /// </summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(TimeSpan.FromSeconds(5));
        await _process.DisposeAsync();
        _process = null;
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_ports.Any(Ports.IsListening) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(_location, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory.
        }
    }
}
