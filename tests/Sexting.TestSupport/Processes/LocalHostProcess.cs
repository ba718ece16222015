using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Sexting.TestSupport.Processes;

/// <summary>How a <see cref="LocalHostProcess"/> runs.</summary>
public sealed record LocalHostOptions
{
    /// <summary>The case read the default readiness probe makes: an unknown case, so 404 once routing, the key check and storage all work.</summary>
    public const string UnknownCasePath = "api/referrals/00000000000000000000000000000000";

    /// <summary>The port on 127.0.0.1; 0 for a free one, chosen when the process object is made (a restart keeps it).</summary>
    public int Port { get; init; }

    /// <summary>
    /// The host's settings as environment variables (<c>Section__Key</c>; a <c>:</c> is turned into
    /// <c>__</c>); a null value removes the variable. <c>ASPNETCORE_URLS</c> defaults to the host's address.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment { get; init; } = new Dictionary<string, string?>();

    /// <summary>The function key (<c>LocalHost:FunctionKey</c>) the readiness probe and <see cref="LocalHostProcess.CreateClient"/> send, if any.</summary>
    public string? FunctionKey { get; init; }

    /// <summary>The working directory; the repository root by default.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>Where the host's output is appended (all its runs); a temporary file by default.</summary>
    public string? LogPath { get; init; }

    /// <summary>How long the host may take to be ready.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(90);

    /// <summary>The path the readiness probe GETs (relative to the host's address).</summary>
    public string ReadyPath { get; init; } = UnknownCasePath;

    /// <summary>The status that means ready.</summary>
    public HttpStatusCode ReadyStatus { get; init; } = HttpStatusCode.NotFound;

    /// <summary>A short name for messages and log markers.</summary>
    public string Name { get; init; } = "local host";
}

/// <summary>
/// The product's local host (src/Sexting.LocalHost, built in the configuration of the test
/// assembly) as <c>dotnet Sexting.LocalHost.dll</c> on 127.0.0.1, its settings as environment
/// variables. Ready when its readiness probe answers as expected. Its stdout and stderr are
/// appended, line by line with the time since the object was made, to a log file a test can
/// scan or tail. Stopped by its PID: SIGTERM (as Ctrl-C in scripts/run.sh), then a kill of the
/// process tree after a grace period; or SIGKILL at once (<see cref="KillAsync"/>), as a crash.
/// Restartable (<see cref="StartAsync()"/> again) on the same port, settings and log.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private readonly LocalHostOptions _options;
    private readonly Dictionary<string, string?> _environment;
    private readonly Lock _logLock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly string? _ownedLogDirectory;
    private Process? _process;
    private StreamWriter? _log;

    /// <summary>Prepares a host (port, settings, log); <see cref="StartAsync()"/> starts it.</summary>
    public LocalHostProcess(LocalHostOptions options)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        Port = options.Port == 0 ? Ports.GetFree() : options.Port;
        if (options.LogPath is null)
        {
            _ownedLogDirectory = Directory.CreateTempSubdirectory("sexting-localhost-").FullName;
        }

        LogPath = options.LogPath ?? Path.Combine(_ownedLogDirectory!, "localhost.log");
        Directory.CreateDirectory(Path.GetDirectoryName(LogPath)!);
        _environment = new Dictionary<string, string?>(StringComparer.Ordinal) { ["ASPNETCORE_URLS"] = BaseUrl };
        foreach (var (key, value) in options.Environment)
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    /// <summary>The port on 127.0.0.1.</summary>
    public int Port { get; }

    /// <summary>The host's address without a trailing slash, e.g. http://127.0.0.1:49152.</summary>
    public string BaseUrl => string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}");

    /// <summary>The host's address, e.g. http://127.0.0.1:49152/.</summary>
    public Uri BaseAddress => new(BaseUrl + "/");

    /// <summary>The function key given in the options, or an empty string.</summary>
    public string FunctionKey => _options.FunctionKey ?? string.Empty;

    /// <summary>Where the host's output is written, over all its runs.</summary>
    public string LogPath { get; }

    /// <summary>Everything the host wrote, over all its runs.</summary>
    public string Log
    {
        get
        {
            lock (_logLock)
            {
                _log?.Flush();
            }

            if (!File.Exists(LogPath))
            {
                return string.Empty;
            }

            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
    }

    /// <summary>From the last start to ready.</summary>
    public TimeSpan Startup { get; private set; }

    /// <summary>Whether the last run has exited (true before the first start).</summary>
    public bool HasExited => _process?.HasExited ?? true;

    /// <summary>The exit code of the last run, once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process?.ExitCode ?? throw new InvalidOperationException("Not started.");

    /// <summary>
    /// src/Sexting.LocalHost/bin/&lt;Configuration&gt;/&lt;framework&gt;/Sexting.LocalHost.dll, the configuration and
    /// framework taken from where the test assembly was built (tests/…/bin/&lt;Configuration&gt;/&lt;framework&gt;/).
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

    /// <summary>Makes and starts a host, and waits until it is ready.</summary>
    public static async Task<LocalHostProcess> StartAsync(LocalHostOptions options)
    {
        var host = new LocalHostProcess(options);
        try
        {
            await host.StartAsync().ConfigureAwait(false);
        }
        catch
        {
            await host.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return host;
    }

    /// <summary>Starts (or restarts) the host and waits until it is ready; returns the time that took.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        if (!HasExited)
        {
            throw new InvalidOperationException($"The {_options.Name} is already running.");
        }

        var dll = DllPath;
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution (or the test project, which builds it) first.");
        }

        var info = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = _options.WorkingDirectory ?? RepositoryRoot.Path,
        };
        info.ArgumentList.Add(dll);
        foreach (var (key, value) in _environment)
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

        lock (_logLock)
        {
            _log ??= new StreamWriter(new FileStream(LogPath, FileMode.Append, FileAccess.Write, FileShare.ReadWrite)) { AutoFlush = true };
        }

        _process?.Dispose();
        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        var watch = Stopwatch.StartNew();
        Write($"=== start {DateTimeOffset.UtcNow:O}");
        if (!process.Start())
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start the {_options.Name}.");
        }

        _process = process;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await WaitUntilReadyAsync().ConfigureAwait(false);
        }
        catch
        {
            await StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            throw;
        }

        Startup = watch.Elapsed;
        Write(string.Create(CultureInfo.InvariantCulture, $"=== ready after {watch.ElapsedMilliseconds} ms"));
        return Startup;
    }

    /// <summary>An HTTP client on the host's address, with the function key unless <paramref name="withKey"/> is false.</summary>
    public HttpClient CreateClient(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (withKey && _options.FunctionKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", _options.FunctionKey);
        }

        return client;
    }

    /// <summary>The last lines of the log, for failure messages.</summary>
    public string Tail(int lines = 60) => string.Join('\n', Log.Split('\n').TakeLast(lines));

    /// <summary>SIGTERM by PID, then waits up to <paramref name="grace"/> before killing the process tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        Write("=== sending SIGTERM");
        await SignalAsync("-TERM").ConfigureAwait(false);
        using var wait = new CancellationTokenSource(grace);
        try
        {
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Write("=== no exit after SIGTERM: killing");
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        Write($"=== stopped {DateTimeOffset.UtcNow:O}");
    }

    /// <summary>SIGKILL by PID: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        await SignalAsync("-KILL").ConfigureAwait(false);
        await _process.WaitForExitAsync().ConfigureAwait(false);
        Write($"=== killed {DateTimeOffset.UtcNow:O}");
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync(TimeSpan.FromSeconds(15)).ConfigureAwait(false);
        }
        finally
        {
            _process?.Dispose();
            _process = null;
            lock (_logLock)
            {
                _log?.Dispose();
                _log = null;
            }

            DeleteOwnedLog();
        }
    }

    /// <summary>
    /// The temporary log goes with the host (a failure to start puts its tail in the exception), unless
    /// <c>SEXTING_KEEP_HOST_LOGS=1</c> keeps it for a look afterwards; a log at a given path stays.
    /// </summary>
    private void DeleteOwnedLog()
    {
        if (_ownedLogDirectory is null || System.Environment.GetEnvironmentVariable("SEXTING_KEEP_HOST_LOGS") == "1")
        {
            return;
        }

        try
        {
            Directory.Delete(_ownedLogDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temporary file harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private async Task SignalAsync(string signal)
    {
        if (OperatingSystem.IsWindows())
        {
            _process!.Kill(entireProcessTree: true);
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", [signal, _process!.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false });
        if (kill is not null)
        {
            await kill.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = CreateClient();
        client.Timeout = TimeSpan.FromSeconds(5);
        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (true)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The {_options.Name} exited ({_process.ExitCode}) before it was ready; log {LogPath}:\n{Tail()}");
            }

            try
            {
                using var response = await client.GetAsync(new Uri(_options.ReadyPath, UriKind.Relative)).ConfigureAwait(false);
                if (response.StatusCode == _options.ReadyStatus)
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
                throw new TimeoutException($"The {_options.Name} was not ready within {_options.StartTimeout}; log {LogPath}:\n{Tail()}");
            }

            await Task.Delay(100).ConfigureAwait(false);
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
                _log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0.000}] {line}"));
            }
            catch (ObjectDisposedException)
            {
                // Output after the host was disposed.
            }
        }
    }
}
