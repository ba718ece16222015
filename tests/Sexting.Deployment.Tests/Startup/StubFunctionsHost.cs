using System.Net;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Deployment.Tests.Startup.Rpc;

namespace Sexting.Deployment.Tests.Startup;

/// <summary>
/// Stands in for the Azure Functions host at the start of a worker's life: listens for the
/// worker's FunctionRpc stream on loopback (HTTP/2), asks it to initialise, then for its function
/// metadata, then to terminate. What the worker answered, and when, is in <see cref="Session"/>.
/// </summary>
internal sealed class StubFunctionsHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StubFunctionsHost(WebApplication app, WorkerSession session, int port)
    {
        _app = app;
        Session = session;
        Port = port;
    }

    public int Port { get; }

    public WorkerSession Session { get; }

    public static async Task<StubFunctionsHost> StartAsync(string functionAppDirectory)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http2));
        builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = null);
        var session = new WorkerSession(functionAppDirectory);
        builder.Services.AddSingleton(session);
        var app = builder.Build();
        app.MapGrpcService<FunctionRpcStub>();
        await app.StartAsync().ConfigureAwait(false);
        var port = new Uri(app.Urls.First()).Port;
        return new StubFunctionsHost(app, session, port);
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(stop.Token).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private sealed class FunctionRpcStub(WorkerSession session) : FunctionRpc.FunctionRpcBase
    {
        public override Task EventStream(IAsyncStreamReader<StreamingMessage> requestStream, IServerStreamWriter<StreamingMessage> responseStream, ServerCallContext context) =>
            session.RunAsync(requestStream, responseStream, context.CancellationToken);
    }
}

/// <summary>One worker's conversation with the stub host, step by step, with the time of each step.</summary>
internal sealed class WorkerSession(string functionAppDirectory)
{
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _logs = [];

    public string? WorkerId { get; private set; }

    public TimeSpan? StartStreamAt { get; private set; }

    public TimeSpan? InitialisedAt { get; private set; }

    public TimeSpan? MetadataAt { get; private set; }

    public WorkerInitResponse? Init { get; private set; }

    public FunctionMetadataResponse? Metadata { get; private set; }

    public System.Diagnostics.Stopwatch Clock { get; } = new();

    /// <summary>Completes when the metadata has arrived and the worker was asked to terminate, or faults.</summary>
    public Task Completion => _done.Task;

    /// <summary>The worker's log lines sent over the stream (error ones first in a failure message).</summary>
    public IReadOnlyList<string> Logs
    {
        get
        {
            lock (_logs)
            {
                return [.. _logs];
            }
        }
    }

    public async Task RunAsync(IAsyncStreamReader<StreamingMessage> input, IServerStreamWriter<StreamingMessage> output, CancellationToken cancellationToken)
    {
        try
        {
            var start = await NextAsync(input, StreamingMessage.ContentOneofCase.StartStream, cancellationToken).ConfigureAwait(false);
            WorkerId = start.StartStream.WorkerId;
            StartStreamAt = Clock.Elapsed;

            await output.WriteAsync(new StreamingMessage
            {
                RequestId = "init",
                WorkerInitRequest = new WorkerInitRequest
                {
                    HostVersion = "4.1040.100.0",
                    FunctionAppDirectory = functionAppDirectory,
                    WorkerDirectory = functionAppDirectory,
                },
            }, cancellationToken).ConfigureAwait(false);
            Init = (await NextAsync(input, StreamingMessage.ContentOneofCase.WorkerInitResponse, cancellationToken).ConfigureAwait(false)).WorkerInitResponse;
            InitialisedAt = Clock.Elapsed;

            if (Init.Result?.Status == StatusResult.Types.Status.Success)
            {
                await output.WriteAsync(new StreamingMessage
                {
                    RequestId = "metadata",
                    FunctionsMetadataRequest = new FunctionsMetadataRequest { FunctionAppDirectory = functionAppDirectory },
                }, cancellationToken).ConfigureAwait(false);
                Metadata = (await NextAsync(input, StreamingMessage.ContentOneofCase.FunctionMetadataResponse, cancellationToken).ConfigureAwait(false)).FunctionMetadataResponse;
                MetadataAt = Clock.Elapsed;
            }

            await output.WriteAsync(new StreamingMessage
            {
                WorkerTerminate = new WorkerTerminate { GracePeriod = Duration.FromTimeSpan(TimeSpan.FromSeconds(2)) },
            }, cancellationToken).ConfigureAwait(false);
            _done.TrySetResult();
        }
        catch (Exception ex) when (ex is IOException or InvalidOperationException or OperationCanceledException or Grpc.Core.RpcException)
        {
            _done.TrySetException(ex);
        }
    }

    private async Task<StreamingMessage> NextAsync(IAsyncStreamReader<StreamingMessage> input, StreamingMessage.ContentOneofCase wanted, CancellationToken cancellationToken)
    {
        while (await input.MoveNext(cancellationToken).ConfigureAwait(false))
        {
            var message = input.Current;
            if (message.ContentCase == wanted)
            {
                return message;
            }

            if (message.ContentCase == StreamingMessage.ContentOneofCase.RpcLog)
            {
                lock (_logs)
                {
                    _logs.Add($"{message.RpcLog.Level} {message.RpcLog.Category}: {message.RpcLog.Message} {message.RpcLog.Exception?.Message}");
                }
            }
        }

        throw new InvalidOperationException($"The worker closed its stream before sending {wanted}.");
    }
}
