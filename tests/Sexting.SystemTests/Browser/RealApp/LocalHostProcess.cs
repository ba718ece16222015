using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// The real app: src/Sexting.LocalHost (built with this project) started as a process on a free
/// loopback port, on Azurite, with its own task hub, tables and a temporary email outbox
/// (<c>Email:Mode=Outbox</c>), stopped by its PID. Emails are read back from the outbox's
/// SendGrid v3 JSON files (<c>custom_args.kind</c>, <c>custom_args.referralId</c>).
/// </summary>
internal sealed partial class LocalHostProcess : IAsyncDisposable
{
    private readonly ProcessRunner _process;

    private LocalHostProcess(ProcessRunner process, string baseUrl, string outboxPath, TimeSpan startup)
    {
        _process = process;
        BaseUrl = baseUrl;
        OutboxPath = outboxPath;
        Startup = startup;
    }

    public string BaseUrl { get; }

    public string OutboxPath { get; }

    /// <summary>The function key machines read a case with (<c>LocalHost:FunctionKey</c>).</summary>
    public string FunctionKey { get; private init; } = string.Empty;

    /// <summary>From process start to the form answering 200.</summary>
    public TimeSpan Startup { get; }

    public string Output => _process.Output;

    /// <summary>Starts a local host; <paramref name="settings"/> are environment variables on top of the test defaults.</summary>
    public static async Task<LocalHostProcess> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var dll = Path.Combine(RepositoryRoot.Path, "src", "Sexting.LocalHost", "bin", BuildConfiguration(), TargetFramework(), "Sexting.LocalHost.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"The local host is not built ({dll}); build tests/Sexting.SystemTests.Browser, which builds it.");
        }

        var port = Ports.GetFree();
        var baseUrl = "http://127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
        var outbox = Path.Combine(Path.GetTempPath(), "sexting-browser-outbox-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(outbox);
        var id = Guid.NewGuid().ToString("N")[..16];
        var functionKey = "browser-" + Guid.NewGuid().ToString("N");
        var environment = new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["PublicBaseUrl"] = baseUrl,
            ["AzureWebJobsStorage"] = storageConnectionString,
            ["Tables__ConnectionString"] = storageConnectionString,
            ["Tables__TablePrefix"] = "B" + id,
            ["LocalHost__TaskHub"] = "Br" + id,
            ["LocalHost__WorkerId"] = "browser-tests-" + id,
            ["Email__Mode"] = "Outbox",
            ["Email__OutboxPath"] = outbox,
            ["Logging__LogLevel__Azure"] = "Warning",
            // The browser posts from 127.0.0.1 throughout: the intake limit (contract §11) is tested elsewhere.
            ["Intake__PermitsPerMinute"] = "100000",
            // The key a test reads a case with as a machine, whoever the browser is signed in as (contract §3).
            ["LocalHost__FunctionKey"] = functionKey,
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var process = ProcessRunner.Start("dotnet", [dll, "--urls", baseUrl], RepositoryRoot.Path, environment, "local host");
        try
        {
            await Ports.WaitUntilListeningAsync([port], TimeSpan.FromSeconds(90), process);
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (true)
            {
                using var response = await http.GetAsync(new Uri("/api/form", UriKind.Relative));
                if ((int)response.StatusCode == 200)
                {
                    break;
                }

                if (DateTime.UtcNow > deadline || process.HasExited)
                {
                    throw new InvalidOperationException($"The local host answered GET /api/form with {(int)response.StatusCode}:\n{process.Output}");
                }

                await Task.Delay(200);
            }
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }

        return new LocalHostProcess(process, baseUrl, outbox, watch.Elapsed) { FunctionKey = environment["LocalHost__FunctionKey"] ?? string.Empty };
    }

    /// <summary>Waits for an email of <paramref name="kind"/> about <paramref name="referralId"/> in the outbox.</summary>
    public async Task<JsonElement> WaitForEmailAsync(string kind, string referralId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            foreach (var file in Directory.EnumerateFiles(OutboxPath, "*.json"))
            {
                using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
                if (json.RootElement.TryGetProperty("custom_args", out var args)
                    && args.TryGetProperty("kind", out var k) && k.GetString() == kind
                    && args.TryGetProperty("referralId", out var r) && r.GetString() == referralId)
                {
                    return json.RootElement.Clone();
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                var kinds = string.Join(", ", Directory.EnumerateFiles(OutboxPath, "*.json").Select(Path.GetFileName));
                throw new TimeoutException($"No {kind} email for referral {referralId} in the outbox (there: {kinds}).\n{_process.Output}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>The first absolute link to <paramref name="path"/> (such as <c>/api/approvals/</c>) in an email's plain text.</summary>
    public string LinkIn(JsonElement email, string path)
    {
        var text = email.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
        var match = Link().Matches(text).FirstOrDefault(m => m.Value.StartsWith(BaseUrl + path, StringComparison.Ordinal));
        return match?.Value ?? throw new InvalidOperationException($"No {path} link in the email.");
    }

    public async ValueTask DisposeAsync()
    {
        await _process.StopAsync(TimeSpan.FromSeconds(15));
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
        catch (IOException)
        {
            // A message still being written: the temporary folder is left for the OS to clear.
        }
    }

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // This test build's configuration and framework (bin/<Configuration>/<tfm>/): the local host is built alike.
    private static string BuildConfiguration() => new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;

    private static string TargetFramework() => new DirectoryInfo(AppContext.BaseDirectory).Name;
}
