using System.Diagnostics;
using System.Net.Sockets;

namespace Sexting.LocalHost.Tests.Support;

/// <summary>
/// Azurite in memory on ports of its own (10100-10102), so these tests never meet another
/// test run using the default ports. Started once for the collection and stopped by its PID.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    public const int BlobPort = 10100;
    public const int QueuePort = 10101;
    public const int TablePort = 10102;

    // The well-known development account key published with Azurite; not a secret.
    private const string DevKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private Process? _process;

    public string ConnectionString { get; } =
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=" + DevKey +
        $";BlobEndpoint=http://127.0.0.1:{BlobPort}/devstoreaccount1" +
        $";QueueEndpoint=http://127.0.0.1:{QueuePort}/devstoreaccount1" +
        $";TableEndpoint=http://127.0.0.1:{TablePort}/devstoreaccount1;";

    public async Task InitializeAsync()
    {
        if (IsListening(TablePort))
        {
            throw new InvalidOperationException($"Port {TablePort} is already in use; these tests need Azurite of their own there.");
        }

        var azurite = Path.Combine(RepositoryRoot.Path, "tools", "node_modules", ".bin", "azurite");
        if (!File.Exists(azurite))
        {
            throw new InvalidOperationException("Azurite is not installed: run scripts/setup.sh.");
        }

        var start = new ProcessStartInfo(azurite)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in new[]
        {
            "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck",
            "--blobHost", "127.0.0.1", "--blobPort", $"{BlobPort}",
            "--queueHost", "127.0.0.1", "--queuePort", $"{QueuePort}",
            "--tableHost", "127.0.0.1", "--tablePort", $"{TablePort}",
        })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(IsListening(BlobPort) && IsListening(QueuePort) && IsListening(TablePort)))
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException("Azurite did not start.");
            }

            await Task.Delay(100);
        }
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
    }

    private static bool IsListening(int port)
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
