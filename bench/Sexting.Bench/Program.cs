using System.Globalization;
using System.Net;
using Azure.Data.Tables;
using Sexting.Bench;
using Sexting.Bench.Floor;
using Sexting.Bench.Hosting;
using Sexting.Bench.Intake;
using Sexting.Bench.Journey;
using Sexting.Bench.Minimal;
using Sexting.Bench.Proxy;
using Sexting.Bench.Reporting;
using Sexting.Bench.Scan;
using Sexting.TestSupport;

// The benchmark of issue 11 (docs/performance.md). Everything it starts binds to 127.0.0.1 and
// is stopped by PID when it ends, also on Ctrl-C.
var settings = BenchSettings.Parse(args);
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
var ct = cancel.Token;
var results = new BenchResults();
var work = Path.Combine(Path.GetTempPath(), "sexting-bench-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
var machine = MachineDescription();

void Say(string message) => Console.WriteLine($"bench: {message}");

Say("starting Azurite (in memory) and the counting proxies");
await using var azurite = await AzuriteEmulator.StartAsync();
await using var proxies = new StorageProxies(azurite);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };

async Task<LocalHostProcess> StartHostAsync(string taskHub)
{
    var host = await LocalHostProcess.StartAsync(
        proxies.AppConnectionString, proxies.DurableConnectionString, taskHub, Path.Combine(work, taskHub), ct);
    return host;
}

HttpClient ClientOf(LocalHostProcess host) => new(handler, disposeHandler: false) { BaseAddress = host.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };

try
{
    // 1. One case at a time, intake to closure: latency and transactions, on an otherwise idle host.
    Say("end to end: starting the local host");
    await using (var host = await StartHostAsync("BenchJourney"))
    {
        using var http = ClientOf(host);
        await using var outbox = new OutboxWatcher(host.OutboxPath);
        var instances = new TableServiceClient(azurite.ConnectionString).GetTableClient(host.TaskHub + "Instances");
        var intake = new IntakeBenchmark(http, proxies);
        var journey = new CaseJourneyBenchmark(http, intake, outbox, proxies, instances);

        Say("end to end: two warm-up cases (tables created, code jitted, counters warm)");
        for (var i = 0; i < 2; i++)
        {
            await journey.RunAsync(ct);
        }

        Say($"end to end: idle background over {settings.IdleWindow.TotalSeconds:0} s");
        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var idleStart = proxies.Take();
        await Task.Delay(settings.IdleWindow, ct);
        results.Idle = proxies.Take().Since(idleStart);

        for (var i = 0; i < settings.Journeys; i++)
        {
            var run = await journey.RunAsync(ct);
            results.Journeys.Add(run);
            Say($"end to end: case {i + 1}/{settings.Journeys}: intake {run.IntakeMs:0} ms, AuthorisationRequest after {run.IntakeToAuthorisationRequestMs:0} ms, fan-out {run.DecisionToLastFanOutMs:0} ms after the decision; {run.CaseTraffic.App} app + {run.CaseTraffic.Durable} durable requests");
        }

        if (host.PeakMemoryMiB() is { } peak)
        {
            results.PeakMemoryMiB["end to end"] = peak;
        }
    }

    // 1b. The engine's own cost of the same shape (issue 22): a minimal approval orchestration on the
    //     same backend and proxies, with the local host stopped, one instance at a time.
    Say("minimal approval orchestration: starting its worker");
    await using (var minimal = new MinimalApprovalBenchmark(proxies, azurite.ConnectionString))
    {
        await minimal.StartAsync();
        for (var i = 0; i < 2; i++)
        {
            await minimal.RunAsync(ct);
        }

        await Task.Delay(TimeSpan.FromSeconds(2), ct);
        var idleStart = proxies.Take();
        await Task.Delay(settings.IdleWindow, ct);
        results.MinimalIdle = proxies.Take().Since(idleStart);
        for (var i = 0; i < settings.Journeys; i++)
        {
            await Task.Delay(CaseJourneyBenchmark.Quiet, ct);
            var run = await minimal.RunAsync(ct);
            results.Minimal.Add(run);
            Say($"minimal approval: case {i + 1}/{settings.Journeys}: {run.Milliseconds:0} ms, {run.Traffic.Durable} durable requests");
        }
    }

    // 2. The reminder scan as cases grow, straight to Azurite, counted by the store's own counter.
    await using (var scan = new ReminderScanBenchmark(azurite.ConnectionString))
    {
        foreach (var size in settings.ScanSizes)
        {
            var result = await scan.RunAsync(size, ct);
            results.Scans.Add(result);
            Say($"reminder scan: {size:N0} cases (seeded in {result.SeedTime.TotalSeconds:0.0} s): {result.DueQueryRequests} due-query + {result.CaseReadRequests} case-read requests, {result.Milliseconds:0} ms; retention scan {result.RetentionRequests} requests ({result.RetentionDue} due), {result.RetentionMilliseconds:0} ms");
        }
    }

    // 3. Floor and intake side by side per concurrency. Each intake run on an emulator and task hub of
    //    its own: Azurite's queue store re-sorts its message indices over every message it holds on each
    //    read, so the messages a previous run left (a paused run's thousands of unstarted orchestrations, a
    //    running one's backlog and timers) would slow the next run's every queue request, and a run's
    //    figure would depend on what ran before it (docs/performance.md, "The emulator").
    long scanFailures = 0;
    foreach (var clients in settings.Concurrency)
    {
        var level = clients.ToString(CultureInfo.InvariantCulture);
        await using (var fresh = await AzuriteEmulator.StartAsync())
        await using (var freshProxies = new StorageProxies(fresh))
        {
            var f = await new FloorBenchmark(fresh.ConnectionString).RunAsync(clients, settings.FloorWarmUp, settings.FloorDuration, ct);
            results.Floor.Add(f);
            Say($"floor: {clients} client(s): {f.PerSecond:0} upserts/s ({f.Upserts} in {f.Duration.TotalSeconds:0.0} s, {f.Errors} errors)");

            await using var paused = await LocalHostProcess.StartAsync(
                freshProxies.AppConnectionString, freshProxies.DurableConnectionString, "BenchPaused" + level, Path.Combine(work, "paused" + level), ct, dispatchPaused: true);
            using var pausedHttp = ClientOf(paused);
            var alone = await new IntakeBenchmark(pausedHttp, freshProxies, paused.CpuTime).RunAsync(clients, settings.IntakeWarmUp, settings.IntakeDuration, ct);
            results.IntakePaused.Add(alone);
            Say($"intake alone (dispatcher paused): {clients} client(s): {alone.PerSecond:0.0}/s, p50 {alone.Latency.P50:0} ms, p95 {alone.Latency.P95:0} ms ({alone.Accepted} accepted, {alone.Failed} failed), local host CPU {alone.HostCpuMsPerIntake:0.0} ms per intake");
            scanFailures += freshProxies.ScanFailures;
        }

        await using (var fresh = await AzuriteEmulator.StartAsync())
        await using (var freshProxies = new StorageProxies(fresh))
        {
            await using var host = await LocalHostProcess.StartAsync(
                freshProxies.AppConnectionString, freshProxies.DurableConnectionString, "BenchIntake" + level, Path.Combine(work, "BenchIntake" + level), ct);
            using var http = ClientOf(host);
            var result = await new IntakeBenchmark(http, freshProxies, host.CpuTime).RunAsync(clients, settings.IntakeWarmUp, settings.IntakeDuration, ct);
            results.Intake.Add(result);
            if (host.PeakMemoryMiB() is { } peak)
            {
                results.PeakMemoryMiB[$"intake, {clients} client(s)"] = peak;
            }

            Say($"intake: {clients} client(s): {result.PerSecond:0.0}/s, p50 {result.Latency.P50:0} ms, p95 {result.Latency.P95:0} ms, p99 {result.Latency.P99:0} ms ({result.Accepted} accepted, {result.Failed} failed), local host CPU {result.HostCpuMsPerIntake:0.0} ms per intake");
            scanFailures += freshProxies.ScanFailures;
        }
    }

    results.ProxyScanFailures = proxies.ScanFailures + scanFailures;
}
catch (OperationCanceledException) when (ct.IsCancellationRequested)
{
    Say("cancelled; everything started has been stopped");
    return 130;
}
finally
{
    try
    {
        Directory.Delete(work, recursive: true);
    }
    catch (IOException)
    {
    }
}

var table = BenchReport.Table(results, settings, machine);
Directory.CreateDirectory(settings.Output);
await File.WriteAllTextAsync(Path.Combine(settings.Output, "results.md"), table, CancellationToken.None);
await File.WriteAllTextAsync(Path.Combine(settings.Output, "transactions.md"), BenchReport.Detail(results), CancellationToken.None);
Console.WriteLine();
Console.WriteLine(table);
Say($"written to {Path.Combine(settings.Output, "results.md")} and transactions.md (requests per operation)");
return 0;

static string MachineDescription()
{
    var cpu = File.Exists("/proc/cpuinfo")
        ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
        : null;
    var load = File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "?";
    var memory = GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
    return string.Create(CultureInfo.InvariantCulture,
        $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memory:0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}, load average {load} at start");
}
