using System.Globalization;
using Sexting.TestSupport;

namespace Sexting.Bench.Hosting;

/// <summary>
/// The product's local host (src/Sexting.LocalHost, Release build) on a free loopback port, its
/// storage reached through the counting proxies, its email written to an outbox folder of its own.
/// Each start may use a fresh task hub so one phase's orchestration backlog cannot slow the next.
/// </summary>
internal sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly ProcessRunner _process;

    private LocalHostProcess(ProcessRunner process, Uri baseAddress, string outbox, string taskHub)
    {
        _process = process;
        BaseAddress = baseAddress;
        OutboxPath = outbox;
        TaskHub = taskHub;
    }

    public Uri BaseAddress { get; }

    public string OutboxPath { get; }

    public string TaskHub { get; }

    public static async Task<LocalHostProcess> StartAsync(
        string appConnection, string durableConnection, string taskHub, string outbox, CancellationToken cancellationToken, bool dispatchPaused = false)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Sexting.LocalHost", "bin", "Release", "net10.0", "Sexting.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException("The local host is not built: dotnet build src/Sexting.LocalHost -c Release (bench/run.sh does).");
        }

        Directory.CreateDirectory(outbox);
        var port = Ports.GetFree();
        var url = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = url,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["PublicBaseUrl"] = url,
            ["Email__Mode"] = "Outbox",
            ["Email__OutboxPath"] = outbox,
            ["Tables__ConnectionString"] = appConnection,
            ["Tables__TablePrefix"] = "App",
            ["AzureWebJobsStorage"] = durableConnection,
            ["LocalHost__TaskHub"] = taskHub,
            ["LocalHost__WorkerId"] = "sexting-bench",
            ["LocalHost__FunctionKey"] = ReadinessKey,
            // Every bench client submits from 127.0.0.1: the per-address intake limit (contract §11) would
            // measure the limiter, not the intake.
            ["Intake__PermitsPerMinute"] = "1000000",
            // The intake path alone (issue 22): orchestrations are scheduled and stored, none runs.
            ["LocalHost__DispatchPaused"] = dispatchPaused ? "true" : "false",
            // As in Azure, where logs go to Application Insights, not a console on the request path.
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information",
        };
        var process = ProcessRunner.Start("dotnet", [dll], environment: environment, name: "local host");
        var host = new LocalHostProcess(process, new Uri(url + "/"), outbox, taskHub);
        try
        {
            await host.WaitUntilReadyAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>The host's peak resident memory so far (Linux <c>VmHWM</c>), in MiB; <c>null</c> where /proc is not there.</summary>
    public double? PeakMemoryMiB()
    {
        var status = $"/proc/{_process.Id}/status";
        var line = File.Exists(status) ? File.ReadLines(status).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal)) : null;
        return line is not null && long.TryParse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var kib)
            ? kib / 1024.0
            : null;
    }

    /// <summary>
    /// The host's CPU time so far, user + system (Linux <c>/proc/PID/stat</c> fields 14 and 15, in clock ticks
    /// of 10 ms); <c>null</c> where /proc is not there.
    /// </summary>
    public TimeSpan? CpuTime()
    {
        var stat = $"/proc/{_process.Id}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // The command name (field 2) is in parentheses and may hold spaces: count the fields after it.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }

    public ValueTask DisposeAsync() => _process.DisposeAsync();

    /// <summary>The function key of the benchmark's host (contract §1), so the readiness probe can read.</summary>
    private const string ReadinessKey = "bench-function-key-not-a-secret";

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Add("x-functions-key", ReadinessKey);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The local host exited:\n" + _process.Output);
            }

            try
            {
                // Contract §3: an unknown case is a 404, which needs the app and its storage up.
                using var response = await http.GetAsync(new Uri("api/referrals/" + Sexting.Core.Links.ReferralIds.NewRandom(), UriKind.Relative), cancellationToken).ConfigureAwait(false);
                if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The local host did not answer within 120 s:\n" + _process.Output);
            }

            await Task.Delay(200, cancellationToken).ConfigureAwait(false);
        }
    }
}
