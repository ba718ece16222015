using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Sexting.Bench.Proxy;

/// <summary>
/// A TCP proxy on 127.0.0.1 in front of one Azurite port that counts every HTTP request passing
/// through it (each one a billed storage transaction), by method and resource (table, queue or
/// blob container). Bytes are forwarded unchanged. Stop it by disposing.
/// </summary>
internal sealed class CountingProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly int _upstreamPort;
    private readonly ConcurrentDictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _acceptLoop;
    private long _scanFailures;

    public CountingProxy(StorageChannel channel, int upstreamPort)
    {
        Channel = channel;
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _acceptLoop = AcceptAsync();
    }

    public StorageChannel Channel { get; }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections whose requests could not all be counted (should stay 0).</summary>
    public long ScanFailures => Interlocked.Read(ref _scanFailures);

    /// <summary>Requests so far, by "METHOD resource".</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_counts, StringComparer.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        try
        {
            await _acceptLoop.ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>"GET /devstoreaccount1/AppCases(PartitionKey='x',RowKey='y')" → "GET AppCases".</summary>
    internal static string ResourceOf(string method, string target)
    {
        var path = target;
        var query = path.IndexOf('?', StringComparison.Ordinal);
        if (query >= 0)
        {
            path = path[..query];
        }

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var resource = segments.Length > 1 ? segments[1] : segments.Length == 1 ? segments[0] : "/";
        var paren = resource.IndexOf('(', StringComparison.Ordinal);
        if (paren > 0)
        {
            resource = resource[..paren];
        }

        // Queue messages and blobs: keep the kind of sub-resource (messages, a blob), not its name.
        if (segments.Length > 2 && segments[2] == "messages")
        {
            resource += "/messages";
        }
        else if (segments.Length > 2)
        {
            resource += "/*";
        }

        return method + " " + Uri.UnescapeDataString(resource);
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token).ConfigureAwait(false);
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var clientOwner = client;
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, _upstreamPort, _stop.Token).ConfigureAwait(false);
            var fromClient = client.GetStream();
            var toUpstream = upstream.GetStream();
            var back = toUpstream.CopyToAsync(fromClient, _stop.Token);
            var forth = ForwardCountingAsync(fromClient, toUpstream);
            await Task.WhenAny(back, forth).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // A closed connection ends its relay; nothing to count.
        }
    }

    private async Task ForwardCountingAsync(NetworkStream from, NetworkStream to)
    {
        var scanner = new HttpRequestScanner();
        var buffer = new byte[64 * 1024];
        var failed = false;
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stop.Token).ConfigureAwait(false);
            if (read == 0)
            {
                return;
            }

            scanner.Feed(buffer.AsSpan(0, read), (method, target) =>
                _counts.AddOrUpdate(ResourceOf(method, target), 1, static (_, n) => n + 1));
            if (scanner.Failed && !failed)
            {
                failed = true;
                Interlocked.Increment(ref _scanFailures);
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stop.Token).ConfigureAwait(false);
        }
    }
}
