using System.Net.Http.Headers;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>How long a server asked to be left alone.</summary>
internal static class RetryDelays
{
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
