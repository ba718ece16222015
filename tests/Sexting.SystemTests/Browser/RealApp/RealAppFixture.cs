using Microsoft.Playwright;
using Sexting.SystemTests.Browser.Preview;
using Sexting.TestSupport.Processes;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// An Azurite of its own (in memory, on free ports, so another test run that stops "its" Azurite on
/// 10000-10002 cannot pull the storage from under the local host mid-test), the local host on it, and chromium. A test
/// that needs other settings (such as a short link lifetime) starts a second host with
/// <see cref="StartHostAsync"/> on the same Azurite.
/// </summary>
public sealed class RealAppFixture : IAsyncLifetime
{
    private AzuriteProcess? _azurite;
    private IPlaywright? _playwright;
    private RealAppHost? _app;

    internal RealAppHost App => _app ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "real-app");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {BrowserFixture.ChromiumPath}. Run 'bash scripts/setup.sh --browser'.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        _azurite = await AzuriteProcess.StartAsync(new AzuriteOptions { Name = "azurite (browser tests)" });
        _app = await RealAppHost.StartAsync(_azurite.ConnectionString);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
    }

    internal Task<RealAppHost> StartHostAsync(IReadOnlyDictionary<string, string?> settings) =>
        RealAppHost.StartAsync(_azurite?.ConnectionString ?? throw new InvalidOperationException("Not started."), settings);

    internal async Task<IBrowserContext> NewContextAsync(RealAppHost? host = null, bool javaScript = true) =>
        await Browser.NewContextAsync(BrowserFixture.ContextOptions((host ?? App).BaseUrl, javaScript));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }
}
