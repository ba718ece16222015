using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>
/// The SendGrid HTTP client's retries (<c>Email:Retry:*</c>), by <c>Microsoft.Extensions.Http.Resilience</c>:
/// 408, 429, 5xx and network failures are tried again with exponential back-off and jitter, or after
/// the server's <c>Retry-After</c>. A <c>Retry-After</c> longer than <see cref="EmailRetryOptions.MaxRetryAfter"/>
/// is not waited for here: that answer goes back to <see cref="SendGridEmailSender"/>, which gives up
/// for now, so the workflow retries the step later (and the once-ledger's lease is not held meanwhile).
/// </summary>
internal static partial class SendGridRetry
{
    public static void Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder, ResilienceHandlerContext context)
    {
        var retry = context.ServiceProvider.GetRequiredService<IOptions<EmailOptions>>().Value.Retry;
        var clock = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
        var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SendGridEmailSender));
        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(CreateRetry(retry, clock, logger));
        }

        // Inside the retry: each attempt has its own limit, and one that runs out is retried.
        builder.AddTimeout(retry.AttemptTimeout);
    }

    /// <summary>The longest a whole send may take (<see cref="WholeSendTimeout"/>).</summary>
    public static readonly TimeSpan LongestSend = TimeSpan.FromMinutes(3);

    /// <summary>
    /// The SendGrid HTTP client's own timeout, which bounds the whole send, retries and waits included: room for
    /// every attempt at its <see cref="EmailRetryOptions.AttemptTimeout"/> and the longest wait between each two
    /// (back-off or a <c>Retry-After</c> still waited here), plus a minute, but at most <see cref="LongestSend"/>:
    /// a route that emails in its request must answer within the platform's 230 s, and an activity that sends two
    /// emails one after the other within the host's 10-minute <c>functionTimeout</c>. What is left over is the
    /// workflow's retry of the step. The <see cref="HttpClient"/> default of 100 s cut the defaults' send short.
    /// </summary>
    public static TimeSpan WholeSendTimeout(EmailRetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(retry);
        var attempts = Math.Max(1, retry.MaxAttempts);
        var longestWait = retry.MaxDelay > retry.MaxRetryAfter ? retry.MaxDelay : retry.MaxRetryAfter;
        var room = (retry.AttemptTimeout * attempts) + (longestWait * (attempts - 1)) + TimeSpan.FromMinutes(1);
        return room < LongestSend ? room : LongestSend;
    }

    private static HttpRetryStrategyOptions CreateRetry(EmailRetryOptions retry, TimeProvider clock, ILogger logger) =>
        new()
        {
            MaxRetryAttempts = retry.MaxAttempts - 1,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = retry.BaseDelay,
            MaxDelay = retry.MaxDelay,
            ShouldRetryAfterHeader = true,
            ShouldHandle = args => ValueTask.FromResult(
                HttpClientResiliencePredicates.IsTransient(args.Outcome)
                && !(RetryDelays.RetryAfter(args.Outcome.Result?.Headers, clock.GetUtcNow()) > retry.MaxRetryAfter)),
            OnRetry = args =>
            {
                LogRetrying(logger, args.Outcome.Result is { } response ? (int)response.StatusCode : null, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds);
                return default;
            },
        };

    [LoggerMessage(Level = LogLevel.Warning, Message = "SendGrid: status {Status} at attempt {Attempt}; retrying in {DelayMs} ms")]
    private static partial void LogRetrying(ILogger logger, int? status, int attempt, double delayMs);
}
