using System.Globalization;
using System.Security.Cryptography;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Documentation;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;
using Sexting.TestSupport.Processes;

namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// The product as a user meets it: Azurite and the local host as processes on free loopback
/// ports, email to an outbox folder of its own, a function key and a task hub of its own.
/// Subclasses add settings (short approval timeouts, say). The host's output is kept in
/// <c>e2e-logs/</c> beside the test assembly.
/// </summary>
public class WorkflowHost : IAsyncLifetime
{
    private readonly string _name;
    private readonly bool _persistAzurite;
    private int _hostStarts;
    private Outbox? _outbox;

    public WorkflowHost()
        : this("shared", persistAzurite: false)
    {
    }

    protected WorkflowHost(string name, bool persistAzurite)
    {
        _name = name;
        _persistAzurite = persistAzurite;
        Directory.CreateDirectory(WorkDirectory);
    }

    /// <summary>Scratch space of this host: outbox, Azurite data. Deleted at the end.</summary>
    public string WorkDirectory { get; } = Path.Combine(Path.GetTempPath(), "sexting-e2e-" + Guid.NewGuid().ToString("N")[..12]);

    public string OutboxPath => Path.Combine(WorkDirectory, "outbox");

    /// <summary>A random function key: reads need it exactly as Azure would.</summary>
    public string FunctionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', 'A').Replace('/', 'B');

    /// <summary>A task hub no other host uses.</summary>
    public string TaskHub { get; } = "E2E" + Guid.NewGuid().ToString("N")[..12];

    public int Port { get; } = Ports.GetFree();

    public AzuriteProcess Azurite { get; private set; } = null!;

    public LocalHostProcess Host { get; private set; } = null!;

    public Outbox Outbox => _outbox ??= new(OutboxPath, () => Host.Tail());

    public ReferralApi Api => new(Host.BaseAddress, FunctionKey, () => Host.Tail(), OutboxPath);

    /// <summary>Settings on top of the common ones, as environment variables (<c>Section__Key</c>).</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await StartAzuriteAsync();
        await StartHostAsync();
    }

    /// <summary>Stops the host by SIGTERM, as Ctrl-C would; Azurite goes on.</summary>
    public Task StopHostAsync() => Host.StopAsync(TimeSpan.FromSeconds(15));

    /// <summary>Starts a new host process on the same Azurite, task hub, outbox and port.</summary>
    public async Task StartHostAsync()
    {
        _hostStarts++;
        // The sample settings first (what func users start from), then this host's own.
        var environment = LocalSettingsSample.Values().ToDictionary(v => v.Key, v => (string?)v.Value);
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["PublicBaseUrl"] = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}"),
            ["AzureWebJobsStorage"] = Azurite.ConnectionString,
            ["Tables__ConnectionString"] = Azurite.ConnectionString,
            ["Email__Mode"] = "Outbox",
            ["Email__OutboxPath"] = OutboxPath,
            ["LocalHost__FunctionKey"] = FunctionKey,
            ["LocalHost__TaskHub"] = TaskHub,
            // Every test submits from 127.0.0.1: the intake limit (contract §11) is tested by its own host.
            ["Intake__PermitsPerMinute"] = "100000",
            // The test run's setting for DurableTaskTestHost; the product runs with the machine's real count.
            ["DOTNET_PROCESSOR_COUNT"] = null,
        })
        {
            environment[key] = value;
        }

        foreach (var (key, value) in ForceContacts.AsEnvironment().Concat(Settings))
        {
            environment[key] = value;
        }

        var log = Path.Combine(AppContext.BaseDirectory, "e2e-logs", string.Create(CultureInfo.InvariantCulture, $"{_name}-{TaskHub}-host{_hostStarts}.log"));
        Host = await LocalHostProcess.StartAsync(new LocalHostOptions
        {
            Port = Port,
            Environment = environment,
            WorkingDirectory = WorkDirectory,
            LogPath = log,
            FunctionKey = FunctionKey,
            StartTimeout = TimeSpan.FromSeconds(60),
            Name = "local host (" + _name + ")",
        });
    }

    /// <summary>Stops Azurite (its data stays when it persists to disk).</summary>
    public Task StopAzuriteAsync() => Azurite.StopAsync();

    /// <summary>Starts Azurite (again: on the same ports, with the same data directory when it persists).</summary>
    public Task StartAzuriteAsync()
    {
        Azurite ??= new AzuriteProcess(new AzuriteOptions { OnDisk = _persistAzurite, Location = _persistAzurite ? Path.Combine(WorkDirectory, "azurite") : null });
        return Azurite.StartAsync();
    }

    public async Task DisposeAsync()
    {
        try
        {
            if (Host is not null)
            {
                await Host.DisposeAsync();
            }
        }
        finally
        {
            if (Azurite is not null)
            {
                await Azurite.DisposeAsync();
            }

            TryDelete(WorkDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp directory left behind harms nothing.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
