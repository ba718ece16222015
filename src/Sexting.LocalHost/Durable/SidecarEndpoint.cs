using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Http;

namespace Sexting.LocalHost.Durable;

/// <summary>
/// Where the gRPC sidecar listens (loopback, HTTP/2), the per-process secret every call must carry,
/// and the one channel the worker and the client share. Fixed before the host is built, because the
/// worker takes its channel then. The loopback port is open to every process on the machine, so
/// without the secret any of them could raise events or start orchestrations (contract §9).
/// </summary>
internal sealed class SidecarEndpoint : IDisposable
{
    /// <summary>The request header that carries the secret.</summary>
    public const string SecretHeader = "x-sexting-sidecar-secret";

    private readonly byte[] _secret = RandomNumberGenerator.GetBytes(32);

    public SidecarEndpoint(int port)
    {
        Port = port > 0 ? port : FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        var secret = Convert.ToBase64String(_secret);
        Channel = GrpcChannel.ForAddress(Address, new GrpcChannelOptions
        {
            HttpHandler = new SecretHandler(secret) { InnerHandler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true } },
            DisposeHttpClient = true,
        });
    }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    /// <summary>Whether the request carries this process's secret (compared in constant time).</summary>
    public bool Admits(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[SecretHeader].ToString();
        var bytes = new byte[_secret.Length];
        return Convert.TryFromBase64String(given, bytes, out var written)
            && written == _secret.Length
            && CryptographicOperations.FixedTimeEquals(bytes, _secret);
    }

    public void Dispose() => Channel.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class SecretHandler(string secret) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add(SecretHeader, secret);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
