using System.Net;
using Sexting.TestSupport.Mail;
using Sexting.TestSupport.Processes;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// The real app for the browser: the local host (a <see cref="LocalHostProcess"/> of the test kit)
/// on a free loopback port, on Azurite, with its own task hub, tables and a temporary email
/// outbox (<c>Email:Mode=Outbox</c>), stopped by its PID. Ready when the form answers 200.
/// Emails are read back from the outbox (<see cref="Outbox"/>).
/// </summary>
internal sealed class RealAppHost : IAsyncDisposable
{
    private readonly LocalHostProcess _host;
    private readonly Outbox _outbox;

    private RealAppHost(LocalHostProcess host, string outboxPath)
    {
        _host = host;
        OutboxPath = outboxPath;
        _outbox = new Outbox(outboxPath, () => host.Tail());
    }

    public string BaseUrl => _host.BaseUrl;

    public string OutboxPath { get; }

    /// <summary>The function key machines read a case with (<c>LocalHost:FunctionKey</c>).</summary>
    public string FunctionKey => _host.FunctionKey;

    /// <summary>From process start to the form answering 200.</summary>
    public TimeSpan Startup => _host.Startup;

    /// <summary>The host's last output lines.</summary>
    public string Output => _host.Tail(200);

    /// <summary>Starts a local host; <paramref name="settings"/> are environment variables on top of the test defaults.</summary>
    public static async Task<RealAppHost> StartAsync(string storageConnectionString, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var outbox = Path.Combine(Path.GetTempPath(), "sexting-browser-outbox-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(outbox);
        var id = Guid.NewGuid().ToString("N")[..16];
        var functionKey = "browser-" + Guid.NewGuid().ToString("N");
        var port = TestSupport.Ports.GetFree();
        var baseUrl = "http://127.0.0.1:" + port.ToString(System.Globalization.CultureInfo.InvariantCulture);
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

        var host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            Port = port,
            Environment = environment,
            FunctionKey = environment["LocalHost__FunctionKey"],
            ReadyPath = "api/form",
            ReadyStatus = HttpStatusCode.OK,
            Name = "local host (browser tests)",
        });
        return new RealAppHost(host, outbox);
    }

    /// <summary>Waits for an email of <paramref name="kind"/> about <paramref name="referralId"/> in the outbox.</summary>
    public Task<OutboxMessage> WaitForEmailAsync(string kind, string referralId, TimeSpan? timeout = null) =>
        _outbox.WaitForFirstAsync(referralId, kind, timeout ?? TimeSpan.FromSeconds(30));

    /// <summary>The first absolute link to <paramref name="path"/> (such as <c>/api/approvals/</c>) in an email's plain text.</summary>
    public string LinkIn(OutboxMessage email, string path)
    {
        ArgumentNullException.ThrowIfNull(email);
        return email.LinkStarting(BaseUrl + path);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        try
        {
            Directory.Delete(OutboxPath, recursive: true);
        }
        catch (IOException)
        {
            // A message still being written: the temporary folder is left for the OS to clear.
        }
    }
}
