using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// The product's local host (src/Sexting.LocalHost, built with this project) as a process on a free
/// loopback port, its stdout and stderr appended to a log file the test scans afterwards. Stopped
/// by PID: SIGTERM, or SIGKILL to simulate a crash; restartable on the same task hub and worker id.
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    public const string FunctionKey = "reliability-function-key-0123456789";

    private readonly Dictionary<string, string?> _environment;
    private ProcessRunner? _process;

    public LocalHostProcess(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        Port = Ports.GetFree();
        LogPath = Path.Combine(Directory.CreateTempSubdirectory("sexting-localhost-").FullName, "localhost.log");
        var taskHub = "Rel" + Guid.NewGuid().ToString("N")[..12];
        _environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = BaseAddress.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_PROCESSOR_COUNT"] = null,
            ["PublicBaseUrl"] = BaseAddress.ToString().TrimEnd('/'),
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Tables__ConnectionString"] = storageConnectionString,
            ["LocalHost__TaskHub"] = taskHub,
            ["LocalHost__WorkerId"] = "reliability-" + taskHub,
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["LocalHost__MaxQueuePollingInterval"] = "00:00:00.500",
            // A killed host's work comes back after this, and its open email claims lapse after the
            // lease: short here so the crash tests finish in seconds rather than minutes.
            ["LocalHost__WorkItemVisibilityTimeout"] = "00:00:10",
            ["Tables__ClaimLease"] = "00:00:08",
            // Every client here is 127.0.0.1; the intake limit (contract §11) is tested on its own.
            ["Intake__PermitsPerMinute"] = "1000000",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }
    }

    public int Port { get; }

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}/");

    /// <summary>Everything the host wrote, over all its runs.</summary>
    public string LogPath { get; }

    public string Log => File.Exists(LogPath) ? File.ReadAllText(LogPath) : "";

    public static string Dll
    {
        get
        {
            var configuration = typeof(LocalHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "Configuration").Value!;
            return Path.Combine(RepositoryRoot.Path, "src", "Sexting.LocalHost", "bin", configuration, "net10.0", "Sexting.LocalHost.dll");
        }
    }

    public HttpClient CreateClient(bool withKey = true)
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(100) };
        if (withKey)
        {
            client.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
        }

        return client;
    }

    /// <summary>Starts (or restarts) the host and waits until it answers HTTP.</summary>
    public async Task<TimeSpan> StartAsync()
    {
        var watch = Stopwatch.StartNew();
        File.AppendAllText(LogPath, $"=== start {DateTimeOffset.UtcNow:O}\n");
        _process = ProcessRunner.Start("bash", ["-c", "exec dotnet \"$0\" >> \"$1\" 2>&1", Dll, LogPath], environment: _environment, name: "localhost");
        using var http = CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("The local host exited at start:\n" + Tail());
            }

            try
            {
                using var response = await http.GetAsync("api/referrals/00000000000000000000000000000000");
                if ((int)response.StatusCode == 404)
                {
                    return watch.Elapsed;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The local host did not answer within 90 s:\n" + Tail());
            }

            await Task.Delay(200);
        }
    }

    /// <summary>SIGKILL by PID: no shutdown code runs, as in a crash or an OOM kill.</summary>
    public async Task KillAsync()
    {
        if (_process is null)
        {
            return;
        }

        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-KILL", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false })!)
        {
            await kill.WaitForExitAsync();
        }

        await _process.DisposeAsync();
        _process = null;
        File.AppendAllText(LogPath, $"=== killed {DateTimeOffset.UtcNow:O}\n");
    }

    public string Tail()
    {
        var lines = Log.Split('\n');
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 60)));
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
            await _process.DisposeAsync();
            _process = null;
        }
    }
}
