using System.Net.Http.Headers;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>How long to wait before the next attempt.</summary>
internal static class RetryDelays
{
    /// <summary>
    /// Exponential back-off with "equal jitter": half of base × 2^(attempt−1) (capped), plus a
    /// random part of the other half, so many senders failing together do not retry together.
    /// </summary>
    public static TimeSpan Backoff(int attempt, EmailRetryOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var exponential = options.BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, options.MaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (Random.Shared.NextDouble() * capped / 2));
    }

    /// <summary>The server's <c>Retry-After</c> (seconds or an HTTP date), if it sent one.</summary>
    public static TimeSpan? RetryAfter(HttpResponseHeaders? headers, DateTimeOffset now)
    {
        var retryAfter = headers?.RetryAfter;
        if (retryAfter?.Delta is { } delta)
        {
            return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        }

        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
