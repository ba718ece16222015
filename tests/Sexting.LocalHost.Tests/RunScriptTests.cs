using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Sexting.TestSupport;

namespace Sexting.LocalHost.Tests;

/// <summary>
/// <c>bash scripts/run.sh</c>, stopped as a person stops it: Ctrl-C in the terminal, which sends
/// SIGINT to the whole foreground process group. The host must stop first, while its storage is up,
/// and Azurite after it, both within seconds.
/// </summary>
public sealed partial class RunScriptTests
{
    private static readonly TimeSpan StopWithin = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task RunScript_CtrlCToTheProcessGroup_StopsHostThenAzuriteWithinSeconds()
    {
        var local = Directory.CreateTempSubdirectory("sexting-run-").FullName;
        int blob = Ports.GetFree(), queue = Ports.GetFree(), table = Ports.GetFree(), http = Ports.GetFree();
        var environment = new Dictionary<string, string?>
        {
            ["SEXTING_LOCAL_DIR"] = local,
            ["SEXTING_RUN_NO_BUILD"] = "1", // the solution build made the Release host this script starts
            ["AZURITE_BLOB_PORT"] = blob.ToString(CultureInfo.InvariantCulture),
            ["AZURITE_QUEUE_PORT"] = queue.ToString(CultureInfo.InvariantCulture),
            ["AZURITE_TABLE_PORT"] = table.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{http}",
            ["LocalHost__TaskHub"] = "RunScriptTest",
            ["AzureWebJobsStorage"] = null,
            ["Tables__ConnectionString"] = null,
        };

        // setsid: the script leads a process group of its own, as a shell's foreground job does. env
        // --default-signal=INT: a terminal's job gets SIGINT as it should even when this test run was
        // started from a background job of a shell without job control, which ignores SIGINT for its
        // children (bash cannot trap a signal that was ignored when it started).
        await using var run = ProcessRunner.Start("setsid", ["env", "--default-signal=INT", "bash", Path.Combine("scripts", "run.sh")], RepositoryRoot.Path, environment, "scripts/run.sh");
        try
        {
            await Ports.WaitUntilListeningAsync([http], TimeSpan.FromSeconds(90), run);
            await WaitForAsync(() => run.Output.Contains("Referral form:", StringComparison.Ordinal), TimeSpan.FromSeconds(30), run);
            using (var client = new HttpClient())
            {
                var form = await client.GetAsync(new Uri($"http://127.0.0.1:{http}/api/form"));
                Assert.True(form.IsSuccessStatusCode, $"GET /api/form answered {(int)form.StatusCode}\n{run.Output}");

                // Contract §1 v2: no LocalHost:FunctionKey set, so the host printed the key it generated,
                // and the figures answer with it and without it 401.
                await WaitForAsync(() => GeneratedKey().IsMatch(run.Output), TimeSpan.FromSeconds(30), run);
                var key = GeneratedKey().Match(run.Output).Groups[1].Value;
                var report = new Uri($"http://127.0.0.1:{http}/api/reports/summary?from=2026-01-01&to=2026-12-31");
                using var keyless = await client.GetAsync(report);
                using var keyed = new HttpRequestMessage(HttpMethod.Get, report);
                keyed.Headers.Add("x-functions-key", key);
                using var withKey = await client.SendAsync(keyed);
                Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
                Assert.Equal(HttpStatusCode.OK, withKey.StatusCode);
            }

            var clock = Stopwatch.StartNew();
            Signal("INT", -run.Id); // to the group: the script and anything that shares its group

            using var timeout = new CancellationTokenSource(StopWithin);
            try
            {
                await run.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                Assert.Fail($"scripts/run.sh was still running {StopWithin.TotalSeconds} s after Ctrl-C:\n{run.Output}");
            }

            var output = run.Output;
            Assert.True(clock.Elapsed < StopWithin, $"stopping took {clock.Elapsed}");
            var hostStopped = output.IndexOf("run: local host stopped", StringComparison.Ordinal);
            var azuriteStopped = output.IndexOf("run: Azurite stopped", StringComparison.Ordinal);
            Assert.True(hostStopped >= 0 && azuriteStopped > hostStopped, $"expected the host to stop before Azurite:\n{output}");
            Assert.DoesNotContain("exceeded the", output, StringComparison.Ordinal); // storage retries of a host whose Azurite went first
            Assert.DoesNotContain("Unhandled exception", output, StringComparison.Ordinal);
            foreach (var port in new[] { http, blob, queue, table })
            {
                Assert.False(Ports.IsListening(port), $"127.0.0.1:{port} still listens after the script stopped:\n{output}");
            }
        }
        finally
        {
            if (!run.HasExited)
            {
                Signal("KILL", -run.Id);
            }

            Directory.Delete(local, recursive: true);
        }
    }

    private static void Signal(string signal, int target)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-" + signal, "--", target.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan timeout, ProcessRunner process)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            Assert.False(process.HasExited, $"{process.Name} exited:\n{process.Output}");
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting on {process.Name}:\n{process.Output}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"Function key \(generated[^)]*\): ([A-Za-z0-9_-]{43})")]
    private static partial Regex GeneratedKey();
}
