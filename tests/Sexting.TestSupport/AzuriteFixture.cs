namespace Sexting.TestSupport;

/// <summary>
/// A real Azurite for the tests. If something already listens on 127.0.0.1:10000-10002 it is
/// used as is; if nothing does, the repository's locked Azurite (scripts/setup.sh) is started in
/// memory on loopback and, on dispose, stopped by its PID. Never stops what it did not start.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's blob, queue and table ports.</summary>
    public static readonly IReadOnlyList<int> AzuritePorts = [10000, 10001, 10002];

    private ProcessRunner? _process;

    /// <summary>The connection string of the emulator (its well-known development account).</summary>
    public string ConnectionString => "UseDevelopmentStorage=true";

    /// <summary>Whether this fixture started Azurite (and will stop it).</summary>
    public bool StartedHere => _process is not null;

    /// <summary>A table prefix no other test uses, so tests do not see each other's data.</summary>
    public static string NewTablePrefix() => "T" + Guid.NewGuid().ToString("N")[..16];

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var listening = AzuritePorts.Where(Ports.IsListening).ToList();
        if (listening.Count == AzuritePorts.Count)
        {
            return;
        }

        if (listening.Count > 0)
        {
            throw new InvalidOperationException(
                $"Ports {string.Join(", ", listening)} are in use but not all of {string.Join(", ", AzuritePorts)}: not an Azurite this fixture can use or start.");
        }

        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        _process = ProcessRunner.Start(
            azurite,
            ["--silent", "--inMemoryPersistence", "--disableTelemetry", "--blobHost", "127.0.0.1", "--queueHost", "127.0.0.1", "--tableHost", "127.0.0.1", "--skipApiVersionCheck"],
            name: "azurite");
        try
        {
            await Ports.WaitUntilListeningAsync(AzuritePorts.ToArray(), TimeSpan.FromSeconds(60), _process).ConfigureAwait(false);
        }
        catch
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
            throw;
        }
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync().ConfigureAwait(false);
            _process = null;
        }
    }
}
