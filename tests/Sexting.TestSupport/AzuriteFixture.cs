using Sexting.TestSupport.Processes;

namespace Sexting.TestSupport;

/// <summary>
/// The shared Azurite of the tests, on the well-known ports. If something already listens on
/// 127.0.0.1:10000-10002 it is used as is; if nothing does, an <see cref="AzuriteProcess"/> is
/// started in memory on those ports and, on dispose, stopped by its PID. Never stops what it did
/// not start. (A test that needs an Azurite of its own uses <see cref="AzuriteProcessFixture"/>.)
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's blob, queue and table ports.</summary>
    public static readonly IReadOnlyList<int> AzuritePorts = AzuritePortSet.Default.All;

    private AzuriteProcess? _process;

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

        _process = await AzuriteProcess.StartAsync(new AzuriteOptions { Ports = AzuritePortSet.Default }).ConfigureAwait(false);
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
