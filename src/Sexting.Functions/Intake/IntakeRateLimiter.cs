using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Intake;

/// <summary>
/// Contract §2, §11: at most <c>Intake:PermitsPerMinute</c> submissions a minute from one client
/// address (an IPv6 client's /64: <see cref="ClientAddress.CountedAs(HttpRequest)"/>). ASP.NET Core's rate limiter (System.Threading.RateLimiting), one fixed window per
/// address (its <c>Retry-After</c> is exact: when the window ends; a sliding window's is not), held inside the function rather than as middleware: the Functions worker runs no ASP.NET
/// Core middleware of the app's own, and the local host must behave the same. One instance of the app
/// counts its own requests; a force running several adds the edge rules of docs/deploy.md.
/// </summary>
public sealed class IntakeRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;
    private readonly ClientAddress _addresses;
    private readonly TimeSpan _window;

    public IntakeRateLimiter(IOptions<IntakeOptions> options, ClientAddress addresses)
    {
        ArgumentNullException.ThrowIfNull(options);
        var permits = options.Value.PermitsPerMinute;
        _window = options.Value.Window;
        _addresses = addresses;
        _limiter = PartitionedRateLimiter.Create<string, string>(address => RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = _window,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    /// <summary>Takes a permit for the request's client address: null when granted, else how long to wait.</summary>
    public TimeSpan? TryAcquire(HttpRequest request)
    {
        using var lease = _limiter.AttemptAcquire(_addresses.CountedAs(request));
        if (lease.IsAcquired)
        {
            return null;
        }

        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) && retryAfter > TimeSpan.Zero
            ? retryAfter
            : _window;
    }

    /// <summary>Seconds for a <c>Retry-After</c> header: whole, at least one.</summary>
    public static int Seconds(TimeSpan wait) => Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));

    public void Dispose() => _limiter.Dispose();
}
