using System.Diagnostics;
using System.Net;
using Sexting.Bench.Proxy;
using Sexting.Bench.Reporting;

namespace Sexting.Bench.Intake;

/// <summary>
/// Closed-loop clients posting referrals to <c>POST /api/referrals</c> as schools would: each
/// sends the next as soon as the last is answered. Only <c>202 Accepted</c> counts.
/// </summary>
internal sealed class IntakeBenchmark(HttpClient http, StorageProxies proxies, Func<TimeSpan?>? hostCpuTime = null)
{
    public async Task<IntakeResult> RunAsync(int clients, TimeSpan warmUp, TimeSpan duration, CancellationToken cancellationToken)
    {
        await LoopAsync(clients, warmUp, null, cancellationToken).ConfigureAwait(false);
        var latencies = new List<double>();
        var before = proxies.Take();
        var cpuBefore = hostCpuTime?.Invoke();
        var clock = Stopwatch.StartNew();
        var failed = await LoopAsync(clients, duration, latencies, cancellationToken).ConfigureAwait(false);
        var elapsed = clock.Elapsed;
        var cpu = hostCpuTime?.Invoke() - cpuBefore;
        var traffic = proxies.Take().Since(before);
        return new IntakeResult(clients, latencies.Count, failed, elapsed, LatencySummary.Of(latencies), traffic) { HostCpu = cpu };
    }

    /// <summary>One intake: the referral id, or null if it was not accepted.</summary>
    public async Task<string?> SubmitAsync(CancellationToken cancellationToken)
    {
        using var content = ReferralFactory.Create();
        using var response = await http.PostAsync(new Uri("api/referrals", UriKind.Relative), content, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            return null;
        }

        using var json = await System.Text.Json.JsonDocument.ParseAsync(
            await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false), cancellationToken: cancellationToken).ConfigureAwait(false);
        return json.RootElement.GetProperty("referralId").GetString();
    }

    private async Task<int> LoopAsync(int clients, TimeSpan duration, List<double>? latencies, CancellationToken cancellationToken)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failed = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async _ =>
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var start = Stopwatch.GetTimestamp();
                string? id;
                try
                {
                    id = await SubmitAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    id = null;
                }

                if (id is null)
                {
                    Interlocked.Increment(ref failed);
                    continue;
                }

                if (latencies is not null)
                {
                    var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                    lock (latencies)
                    {
                        latencies.Add(ms);
                    }
                }
            }
        })).ConfigureAwait(false);
        return failed;
    }
}
