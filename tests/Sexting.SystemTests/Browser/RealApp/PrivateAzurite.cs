using System.Globalization;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// An Azurite of these tests alone: in memory, on free loopback ports rather than the well-known
/// 10000-10002, so another test run that stops "its" Azurite on those ports cannot pull the
/// storage from under the local host mid-test. Stopped by its PID.
/// </summary>
internal sealed class PrivateAzurite : IAsyncDisposable
{
    // Azurite's well-known development account key (public, documented by Microsoft).
    private const string DevelopmentKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly ProcessRunner _process;

    private PrivateAzurite(ProcessRunner process, string connectionString)
    {
        _process = process;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    public static async Task<PrivateAzurite> StartAsync()
    {
        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        int[] ports = [Ports.GetFree(), Ports.GetFree(), Ports.GetFree()];
        static string S(int port) => port.ToString(CultureInfo.InvariantCulture);
        var process = ProcessRunner.Start(
            azurite,
            ["--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
             "--blobHost", "127.0.0.1", "--blobPort", S(ports[0]),
             "--queueHost", "127.0.0.1", "--queuePort", S(ports[1]),
             "--tableHost", "127.0.0.1", "--tablePort", S(ports[2])],
            name: "azurite (browser tests)");
        try
        {
            await Ports.WaitUntilListeningAsync(ports, TimeSpan.FromSeconds(60), process);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        var connectionString = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevelopmentKey
            + $";BlobEndpoint=http://127.0.0.1:{S(ports[0])}/devstoreaccount1"
            + $";QueueEndpoint=http://127.0.0.1:{S(ports[1])}/devstoreaccount1"
            + $";TableEndpoint=http://127.0.0.1:{S(ports[2])}/devstoreaccount1;";
        return new PrivateAzurite(process, connectionString);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
