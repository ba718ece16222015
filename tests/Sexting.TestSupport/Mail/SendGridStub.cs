using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Sexting.TestSupport.Mail;

/// <summary>
/// A fault-injecting stand-in for SendGrid's <c>POST /v3/mail/send</c> on 127.0.0.1 (Kestrel in
/// process): it answers the first <see cref="FailFirst"/> requests with 500 and 429 (with
/// <c>Retry-After</c>) in turn, can hold requests for <see cref="Delay"/> before answering, and
/// then accepts with 202. A message counts as accepted only when its 202 was written: a request
/// whose client vanished (a killed host) while held was never accepted, as at SendGrid.
/// </summary>
public sealed class SendGridStub : IAsyncDisposable
{
    public const string ApiKey = "SG.reliability-stub-secret.0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly WebApplication _app;
    private int _requests;
    private int _refused; // requests arrive concurrently: counted with Interlocked, not ++
    private int _unauthorised;

    private SendGridStub(WebApplication app) => _app = app;

    public ConcurrentQueue<OutboxMessage> Accepted { get; } = new();

    public int Requests => _requests;

    public int Refused => _refused;

    public int Unauthorised => _unauthorised;

    /// <summary>How many requests, from the first, get 500 or 429 (alternately).</summary>
    public int FailFirst { get; set; }

    /// <summary>Kinds of message held for <see cref="Delay"/> before the answer.</summary>
    public HashSet<string> DelayKinds { get; } = new(StringComparer.Ordinal);

    public TimeSpan Delay { get; set; }

    /// <summary>Set when a delayed request arrives: the moment to kill the host mid-send.</summary>
    public TaskCompletionSource DelayedArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public string BaseAddress { get; private set; } = "";

    public static async Task<SendGridStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new SendGridStub(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync().ConfigureAwait(false);
        stub.BaseAddress = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return stub;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        if (context.Request.Headers.Authorization.ToString() != "Bearer " + ApiKey)
        {
            Interlocked.Increment(ref _unauthorised);
            context.Response.StatusCode = 401;
            return;
        }

        using var reader = new StreamReader(context.Request.Body);
        var mail = OutboxMessage.Parse(await reader.ReadToEndAsync().ConfigureAwait(false));
        if (number <= FailFirst)
        {
            Interlocked.Increment(ref _refused);
            context.Response.StatusCode = number % 2 == 1 ? 500 : 429;
            if (context.Response.StatusCode == 429)
            {
                context.Response.Headers.RetryAfter = "1";
            }

            return;
        }

        if (DelayKinds.Contains(mail.Kind))
        {
            DelayedArrived.TrySetResult();
            try
            {
                await Task.Delay(Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client is gone: never accepted
            }
        }

        context.Response.StatusCode = 202;
        await context.Response.Body.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        if (!context.RequestAborted.IsCancellationRequested)
        {
            Accepted.Enqueue(mail);
        }
    }
}
