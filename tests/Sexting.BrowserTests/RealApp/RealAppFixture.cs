using Microsoft.Playwright;
using Sexting.BrowserTests.Browser;
using Sexting.TestSupport;

namespace Sexting.BrowserTests.RealApp;

/// <summary>
/// Azurite (started in memory unless one listens), the local host on it, and chromium. A test
/// that needs other settings (such as a short link lifetime) starts a second host with
/// <see cref="StartHostAsync"/> on the same Azurite.
/// </summary>
public sealed class RealAppFixture : IAsyncLifetime
{
    private readonly AzuriteFixture _azurite = new();
    private IPlaywright? _playwright;
    private LocalHostProcess? _app;

    internal LocalHostProcess App => _app ?? throw new InvalidOperationException("Not started.");

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots", "real-app");

    public async Task InitializeAsync()
    {
        if (!File.Exists(BrowserFixture.ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {BrowserFixture.ChromiumPath}. Run 'bash scripts/setup.sh --browser'.");
        }

        Directory.CreateDirectory(ScreenshotDirectory);
        await _azurite.InitializeAsync();
        _app = await LocalHostProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(BrowserFixture.LaunchOptions);
    }

    internal static Task<LocalHostProcess> StartHostAsync(IReadOnlyDictionary<string, string?> settings) => LocalHostProcess.StartAsync(settings);

    internal async Task<IBrowserContext> NewContextAsync(LocalHostProcess? host = null, bool javaScript = true) =>
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

        await _azurite.DisposeAsync();
    }
}
