using System.Net;
using System.Net.Sockets;

namespace Sexting.TestSupport;

/// <summary>Loopback port helpers: is something listening, wait until it is, find a free port.</summary>
public static class Ports
{
    /// <summary>Whether something accepts TCP connections on 127.0.0.1:<paramref name="port"/>.</summary>
    public static bool IsListening(int port)
    {
        using var client = new TcpClient();
        try
        {
            return client.ConnectAsync(IPAddress.Loopback, port).Wait(TimeSpan.FromSeconds(3)) && client.Connected;
        }
        catch (AggregateException ex) when (ex.InnerException is SocketException)
        {
            return false;
        }
    }

    /// <summary>
    /// Waits until every port listens. Fails early, with the process's output, if
    /// <paramref name="process"/> exits first.
    /// </summary>
    public static async Task WaitUntilListeningAsync(IReadOnlyCollection<int> ports, TimeSpan timeout, ProcessRunner? process = null)
    {
        ArgumentNullException.ThrowIfNull(ports);
        var deadline = DateTime.UtcNow + timeout;
        while (!ports.All(IsListening))
        {
            if (process is { HasExited: true })
            {
                throw new InvalidOperationException($"{process.Name} exited before listening on {string.Join(", ", ports)}:\n{process.Output}");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Nothing listened on 127.0.0.1:{string.Join(", ", ports)} within {timeout}.\n{process?.Output}");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>A port free on 127.0.0.1 at the time of the call.</summary>
    public static int GetFree()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
