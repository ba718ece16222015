using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// What every page and state of the real app must pass: axe-core finds no violation of the WCAG
/// 2.0–2.2 A and AA rules, the Content-Security-Policy blocked nothing, neither the title nor the
/// URL carries personal data; and a full-page screenshot is saved under the test output.
/// </summary>
internal sealed class PageChecks
{
    public static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    private readonly List<string> _cspViolations = [];
    private readonly IPage _page;
    private readonly ITestOutputHelper _output;
    private readonly string[] _personalData;

    private PageChecks(IPage page, ITestOutputHelper output, string[] personalData)
    {
        _page = page;
        _output = output;
        _personalData = personalData;
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                _cspViolations.Add(message.Text);
            }
        };
    }

    public IPage Page => _page;

    public static async Task<PageChecks> OpenAsync(IBrowserContext context, ITestOutputHelper output, params string[] personalData) =>
        new(await context.NewPageAsync(), output, personalData);

    /// <summary>Checks the page as it is now and saves <c>{state}.png</c>.</summary>
    /// <param name="state">The page and state, the screenshot's name.</param>
    /// <param name="expectedTitle">Text the title must contain.</param>
    /// <param name="runAxe">False only with JavaScript off: axe is a script, and the same pages are checked with it on.</param>
    public async Task AssertAsync(string state, string expectedTitle, bool runAxe = true)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var axe = runAxe ? await _page.RunAxe(WcagAa) : null;
        var axeTime = watch.Elapsed;
        var path = Path.Combine(RealAppFixture.ScreenshotDirectory, state + ".png");
        await _page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var title = await _page.TitleAsync();
        _output.WriteLine(axe is null
            ? $"{state}: '{title}', JavaScript off (no axe); {path}"
            : $"{state}: '{title}', axe {axeTime.TotalMilliseconds:F0} ms, {axe.Violations.Length} violations, {axe.Passes.Length} rules passed; {path}");

        if (axe is not null)
        {
            Assert.True(axe.Violations.Length == 0, state + ":\n" + string.Join("\n", axe.Violations.Select(v =>
                $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        }

        Assert.Empty(_cspViolations);
        Assert.Contains(expectedTitle, title, StringComparison.Ordinal);
        foreach (var personal in _personalData)
        {
            Assert.DoesNotContain(personal, title, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Uri.EscapeDataString(personal), _page.Url, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(personal.Replace(' ', '+'), _page.Url, StringComparison.OrdinalIgnoreCase);
        }
    }

    /// <summary>Clicks a submit button and waits for the page the POST answers with; returns its status.</summary>
    public Task<int> SubmitAsync(string button) => ClickAndPostAsync($"button:has-text('{button}')");

    /// <summary>Clicks the element and waits for the page the POST answers with; returns its status.</summary>
    public async Task<int> ClickAndPostAsync(string selector)
    {
        var response = await _page.RunAndWaitForResponseAsync(() => _page.ClickAsync(selector), r => r.Request.Method == "POST");
        // The answered document, not its "load" event: on a loaded CI machine a JavaScript-off page's
        // load event was seen to miss Playwright's 30 s (after network idle) although the page was there.
        await _page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        return response.Status;
    }
}
