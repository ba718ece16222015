using System.Globalization;

namespace Sexting.TestSupport.Processes;

/// <summary>Azurite's blob, queue and table ports.</summary>
public sealed record AzuritePortSet(int Blob, int Queue, int Table)
{
    /// <summary>Azurite's well-known ports, 10000-10002.</summary>
    public static AzuritePortSet Default { get; } = new(10000, 10001, 10002);

    /// <summary>Three ports free on 127.0.0.1 at the time of the call.</summary>
    public static AzuritePortSet Free() => new(Ports.GetFree(), Ports.GetFree(), Ports.GetFree());

    /// <summary>The three ports, blob first.</summary>
    public IReadOnlyList<int> All => [Blob, Queue, Table];
}

/// <summary>How an <see cref="AzuriteProcess"/> runs.</summary>
public sealed record AzuriteOptions
{
    /// <summary>The ports; null for three free ones, chosen when the process object is made (a restart keeps them).</summary>
    public AzuritePortSet? Ports { get; init; }

    /// <summary>
    /// Data on disk (<c>--location</c>), so it survives a stop and start; otherwise in memory
    /// (<c>--inMemoryPersistence</c>: no time spent writing the whole database to disk every 5 s, nothing survives a stop).
    /// </summary>
    public bool OnDisk { get; init; }

    /// <summary>On disk: the data directory, kept on dispose; null for a temporary one, deleted on dispose.</summary>
    public string? Location { get; init; }

    /// <summary>A short name for messages.</summary>
    public string Name { get; init; } = "azurite";
}

/// <summary>
/// The repository's locked Azurite (scripts/setup.sh) as processes of the test's own, bound to
/// 127.0.0.1: on free or fixed ports, in memory or on disk. Each service (blob, queue, table) runs in
/// a Node process of its own (<c>azurite-blob</c>, <c>azurite-queue</c>, <c>azurite-table</c>), as
/// Azure serves them from separate servers: one Node thread serving all three was the bottleneck of
/// every load (docs/performance.md, "The emulator"). Each is stopped by its PID: SIGINT, then
/// SIGKILL after a grace period (an on-disk Azurite flushes its last writes lazily, so a SIGKILL
/// at once would lose them: an emulator artefact, not a product fault). Can be stopped and
/// started again on the same ports and, on disk, with the same data.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The well-known development account key published with Azurite; not a secret.</summary>
    public const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly string _name;
    private readonly bool _ownsLocation;
    private List<ProcessRunner>? _processes;

    /// <summary>Prepares an Azurite (ports, data directory); <see cref="StartAsync()"/> starts it.</summary>
    public AzuriteProcess(AzuriteOptions? options = null)
    {
        options ??= new AzuriteOptions();
        Ports = options.Ports ?? AzuritePortSet.Free();
        _name = options.Name;
        if (options.OnDisk)
        {
            _ownsLocation = options.Location is null;
            Location = options.Location ?? Directory.CreateTempSubdirectory("sexting-azurite-").FullName;
        }
    }

    /// <summary>The ports it listens on.</summary>
    public AzuritePortSet Ports { get; }

    /// <summary>The blob port.</summary>
    public int BlobPort => Ports.Blob;

    /// <summary>The queue port.</summary>
    public int QueuePort => Ports.Queue;

    /// <summary>The table port.</summary>
    public int TablePort => Ports.Table;

    /// <summary>The data directory, or null in memory.</summary>
    public string? Location { get; }

    /// <summary>Whether it is running now.</summary>
    public bool Running => _processes is { } running && running.TrueForAll(p => !p.HasExited);

    /// <summary>The last lines Azurite wrote, for failure messages.</summary>
    public string Output => _processes is null ? string.Empty : string.Join('\n', _processes.Select(p => $"[{p.Name}]\n{p.Output}"));

    /// <summary>A connection string for this emulator, for the case store and the durable backend alike.</summary>
    public string ConnectionString => ConnectionStringFor(Ports);

    /// <summary>The connection string of an Azurite on <paramref name="ports"/> of 127.0.0.1.</summary>
    public static string ConnectionStringFor(AzuritePortSet ports)
    {
        ArgumentNullException.ThrowIfNull(ports);
        return string.Create(
            CultureInfo.InvariantCulture,
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentKey};" +
            $"BlobEndpoint=http://127.0.0.1:{ports.Blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{ports.Queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{ports.Table}/devstoreaccount1;");
    }

    /// <summary>Makes and starts one, and waits until it listens.</summary>
    public static async Task<AzuriteProcess> StartAsync(AzuriteOptions? options)
    {
        var azurite = new AzuriteProcess(options);
        try
        {
            await azurite.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await azurite.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return azurite;
    }

    /// <summary>Starts it (or starts it again after <see cref="StopAsync"/>) and waits until it listens on all three ports.</summary>
    public async Task StartAsync()
    {
        if (Running)
        {
            throw new InvalidOperationException($"{_name} is already running.");
        }

        var busy = Ports.All.Where(TestSupport.Ports.IsListening).ToList();
        if (busy.Count > 0)
        {
            throw new InvalidOperationException($"Port(s) {string.Join(", ", busy)} of 127.0.0.1 are already in use: {_name} needs them for itself.");
        }

        string S(int port) => port.ToString(CultureInfo.InvariantCulture);
        List<string> common = ["--silent", "--disableTelemetry", "--skipApiVersionCheck"];
        if (Location is null)
        {
            common.Add("--inMemoryPersistence");
        }
        else
        {
            Directory.CreateDirectory(Location);
            common.AddRange(["--location", Location]);
        }

        (string Service, int Port)[] services = [("blob", Ports.Blob), ("queue", Ports.Queue), ("table", Ports.Table)];
        _processes = [];
        try
        {
            foreach (var (service, port) in services)
            {
                _processes.Add(ProcessRunner.Start(
                    Executable(service), [.. common, $"--{service}Host", "127.0.0.1", $"--{service}Port", S(port)], name: $"{_name} {service}"));
            }

            await Task.WhenAll(services.Select((s, i) =>
                TestSupport.Ports.WaitUntilListeningAsync([s.Port], TimeSpan.FromSeconds(60), _processes[i]))).ConfigureAwait(false);
        }
        catch
        {
            await StopAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops it by its PIDs (SIGINT, then SIGKILL after 5 s) and waits until its ports are closed. Its data stays when on disk.</summary>
    public async Task StopAsync()
    {
        if (_processes is null)
        {
            return;
        }

        var processes = _processes;
        _processes = null;
        await Task.WhenAll(processes.Select(async process =>
        {
            try
            {
                // SIGINT: azurite-table handles only that (SIGTERM would kill it before it writes its data to disk).
                await process.StopAsync(StopGrace, "INT").ConfigureAwait(false);
            }
            finally
            {
                await process.DisposeAsync().ConfigureAwait(false);
            }
        })).ConfigureAwait(false);

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Ports.All.Any(TestSupport.Ports.IsListening) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        if (_ownsLocation && Location is not null)
        {
            try
            {
                Directory.Delete(Location, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: a temporary directory.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>tools/node_modules/.bin/azurite-<paramref name="service"/>, installed by scripts/setup.sh.</summary>
    internal static string Executable(string service)
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite-" + service);
        return File.Exists(azurite) ? azurite : throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
    }
}
