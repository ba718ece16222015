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
/// The one stand-in for SendGrid's <c>POST /v3/mail/send</c> on 127.0.0.1 (Kestrel in process), for the
/// sender's own tests and the system's. Every request is captured as sent (<see cref="Captured"/>). A
/// scripted answer (<see cref="Enqueue"/>) answers the next request, whatever its key; without one, a
/// request without <see cref="ApiKey"/> gets 401, the first <see cref="FailFirst"/> get 500 and 429 (with
/// <c>Retry-After</c>) in turn, a kind in <see cref="DelayKinds"/> is held for <see cref="Delay"/>, and the
/// rest get 202. A message counts as accepted only when its 202 was written: a request whose client
/// vanished (a killed host) while held was never accepted, as at SendGrid.
/// </summary>
public sealed class SendGridStub : IAsyncDisposable
{
    public const string ApiKey = "SG.reliability-stub-secret.0123456789abcdefghijklmnopqrstuvwxyz";

    private readonly WebApplication _app;
    private int _requests;
    private int _refused; // requests arrive concurrently: counted with Interlocked, not ++
    private int _unauthorised;
    private readonly ConcurrentQueue<(int Status, string? RetryAfter, string? Body, TimeSpan Delay)> _script = new();

    private SendGridStub(WebApplication app) => _app = app;

    public ConcurrentQueue<OutboxMessage> Accepted { get; } = new();

    /// <summary>Every request as the client sent it, in arrival order.</summary>
    public ConcurrentQueue<CapturedRequest> Captured { get; } = new();

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

    /// <summary>Answers the next request with <paramref name="status"/> (after <paramref name="delay"/> when given), before any other rule.</summary>
    public void Enqueue(int status, string? retryAfter = null, string? body = null, TimeSpan delay = default) => _script.Enqueue((status, retryAfter, body, delay));

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task HandleAsync(HttpContext context)
    {
        var number = Interlocked.Increment(ref _requests);
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync().ConfigureAwait(false);
        var authorization = context.Request.Headers.Authorization.ToString();
        Captured.Enqueue(new CapturedRequest(context.Request.Method, context.Request.Path.Value ?? "", authorization, body, DateTimeOffset.UtcNow));
        if (_script.TryDequeue(out var answer))
        {
            await AnswerAsync(context, answer).ConfigureAwait(false);
            return;
        }

        if (authorization != "Bearer " + ApiKey)
        {
            Interlocked.Increment(ref _unauthorised);
            context.Response.StatusCode = 401;
            return;
        }

        var mail = OutboxMessage.Parse(body);
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

    private static async Task AnswerAsync(HttpContext context, (int Status, string? RetryAfter, string? Body, TimeSpan Delay) answer)
    {
        if (answer.Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(answer.Delay, context.RequestAborted).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return; // the client gave up on this attempt
            }
        }

        context.Response.StatusCode = answer.Status;
        if (answer.RetryAfter is not null)
        {
            context.Response.Headers.RetryAfter = answer.RetryAfter;
        }

        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(answer.Body).ConfigureAwait(false);
        }
    }
}

/// <summary>One request to <see cref="SendGridStub"/>, as the client sent it.</summary>
public sealed record CapturedRequest(string Method, string Path, string Authorization, string Body, DateTimeOffset At);
