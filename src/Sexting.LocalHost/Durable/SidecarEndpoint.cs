using System.Net;
using System.Net.Sockets;
using Grpc.Net.Client;

namespace Sexting.LocalHost.Durable;

/// <summary>
/// Where the gRPC sidecar listens (loopback, HTTP/2) and the one channel the worker and the
/// client share. Fixed before the host is built, because the worker takes its channel then.
/// </summary>
public sealed class SidecarEndpoint : IDisposable
{
    public SidecarEndpoint(int port)
    {
        Port = port > 0 ? port : FreeLoopbackPort();
        Address = new Uri($"http://127.0.0.1:{Port}");
        Channel = GrpcChannel.ForAddress(Address);
    }

    public int Port { get; }

    public Uri Address { get; }

    public GrpcChannel Channel { get; }

    public void Dispose() => Channel.Dispose();

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
