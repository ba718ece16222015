using Microsoft.Playwright;

namespace Sexting.SystemTests.Browser.Preview;

/// <summary>
/// One chromium (Debian's package, design.md) and one target for all browser tests. Starts the
/// preview server on 127.0.0.1 unless <see cref="PageTarget.BaseUrlVariable"/> names a host.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/lib/chromium/chromium";

    private static readonly string[] LaunchArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private PagePreviewServer? _server;
    private IPlaywright? _playwright;

    internal PageTarget Target { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"Chromium is not installed at {ChromiumPath}. Run 'bash scripts/setup.sh --browser' (installs Debian's chromium package).");
        }

        Target = PageTarget.FromEnvironment() ?? PageTarget.ForPreview((_server = await PagePreviewServer.StartAsync()).BaseUrl);
        Directory.CreateDirectory(ScreenshotDirectory);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(LaunchOptions);
    }

    /// <summary>Debian's chromium, headless, with the flags of design.md.</summary>
    public static BrowserTypeLaunchOptions LaunchOptions => new() { ExecutablePath = ChromiumPath, Args = LaunchArgs, Headless = true };

    /// <summary>A desktop-sized, British-English page on <paramref name="baseUrl"/>.</summary>
    public static BrowserNewContextOptions ContextOptions(string baseUrl, bool javaScript = true) => new()
    {
        BaseURL = baseUrl,
        JavaScriptEnabled = javaScript,
        ViewportSize = new ViewportSize { Width = 1024, Height = 800 },
        Locale = "en-GB",
    };

    public async Task<IBrowserContext> NewContextAsync(bool javaScript = true) =>
        await Browser.NewContextAsync(ContextOptions(Target.BaseUrl, javaScript));

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
