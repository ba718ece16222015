using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sexting.TestSupport;

namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// The local host as `dotnet Sexting.LocalHost.dll`, built by the solution build in the
/// configuration these tests run under. Its output goes to a log file for diagnostics. Stopped
/// by its PID: SIGTERM (as Ctrl-C in scripts/run.sh would), then a kill after a grace period.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _log;
    private readonly Lock _logLock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private LocalHostProcess(Process process, StreamWriter log, string logPath, Uri baseAddress)
    {
        _process = process;
        _log = log;
        LogPath = logPath;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the host's output is written.</summary>
    public string LogPath { get; }

    /// <summary>The host's address, e.g. http://127.0.0.1:49152/.</summary>
    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// src/Sexting.LocalHost/bin/&lt;Configuration&gt;/net10.0/Sexting.LocalHost.dll, the configuration
    /// taken from where this test assembly was built (tests/…/bin/&lt;Configuration&gt;/net10.0/).
    /// </summary>
    public static string DllPath
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var framework = testBin.Name;
            var configuration = testBin.Parent?.Name ?? "Debug";
            return Path.Combine(RepositoryRoot.Path, "src", "Sexting.LocalHost", "bin", configuration, framework, "Sexting.LocalHost.dll");
        }
    }

    /// <summary>Starts the host with <paramref name="environment"/> and waits until it answers HTTP.</summary>
    public static async Task<LocalHostProcess> StartAsync(
        int port, IReadOnlyDictionary<string, string?> environment, string workingDirectory, string logPath, string functionKey)
    {
        var dll = DllPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution (or this test project) first.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        var log = new StreamWriter(logPath, append: false) { AutoFlush = true };
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new LocalHostProcess(process, log, logPath, new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/")));
        process.OutputDataReceived += (_, e) => host.Write(e.Data);
        process.ErrorDataReceived += (_, e) => host.Write(e.Data);
        var started = Stopwatch.StartNew();
        if (!process.Start())
        {
            await log.DisposeAsync();
            throw new InvalidOperationException("Could not start the local host.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await host.WaitUntilReadyAsync(functionKey, TimeSpan.FromSeconds(60));
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }

        host.Write($"[e2e] ready after {started.ElapsedMilliseconds} ms");
        return host;
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Tail(int lines = 40)
    {
        lock (_logLock)
        {
            _log.Flush();
        }

        using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        var all = reader.ReadToEnd().Split('\n');
        return string.Join('\n', all.TakeLast(lines));
    }

    /// <summary>SIGTERM, then waits up to <paramref name="grace"/> before killing the process tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process.HasExited)
        {
            return;
        }

        Write("[e2e] sending SIGTERM");
        using (var term = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (term is not null)
            {
                await term.WaitForExitAsync();
            }
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            Write("[e2e] no exit after SIGTERM: killing");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(15));
        }
        finally
        {
            _process.Dispose();
            lock (_logLock)
            {
                _log.Dispose();
            }
        }
    }

    private async Task WaitUntilReadyAsync(string functionKey, TimeSpan timeout)
    {
        // Ready when a keyed read of an unknown case answers 404: routing, the key check and storage all work.
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The local host exited ({_process.ExitCode}) before it was ready; log {LogPath}:\n{Tail()}");
            }

            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "api/referrals/" + new string('0', 32));
                request.Headers.Add("x-functions-key", functionKey);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Listening but slow to answer.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The local host was not ready within {timeout}; log {LogPath}:\n{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_logLock)
        {
            try
            {
                _log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0.000}] {line}"));
            }
            catch (ObjectDisposedException)
            {
                // Output after the host was disposed.
            }
        }
    }
}
