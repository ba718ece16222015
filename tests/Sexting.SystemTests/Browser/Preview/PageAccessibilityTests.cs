using System.Diagnostics;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Sexting.SystemTests.Browser.Preview;

/// <summary>
/// Every page and state in chromium: axe-core finds no violation of the WCAG 2.0–2.2 A and AA
/// rules, the Content-Security-Policy blocks nothing of the app's own, and a full-page
/// screenshot is saved under the test output (screenshots/).
/// </summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly AxeRunOptions WcagAa = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    };

    public static TheoryData<string> States =>
    [
        "form", "form-errors", "form-js-two-people", "receipt",
        "approval", "approval-errors", "approval-authorised", "approval-declined", "approval-consulted",
        "education", "education-errors", "education-confirmed",
        "link-unknown", "link-expired", "link-used",
        "confirmation", "confirmation-confirmed",
        "case-awaiting", "case-referred", "case-under-investigation", "case-overdue",
    ];

    [Theory]
    [MemberData(nameof(States))]
    public async Task Page_InChromium_HasNoWcagAaViolationsAndIsScreenshotted(string state)
    {
        var target = browser.Target;
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspViolations.Add(message.Text);
            }
        };

        var watch = Stopwatch.StartNew();
        var (status, title) = await OpenAsync(page, target, state);
        var loaded = watch.Elapsed;

        watch.Restart();
        var axe = await page.RunAxe(WcagAa);
        var axeTime = watch.Elapsed;
        var path = Path.Combine(BrowserFixture.ScreenshotDirectory, state + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });

        output.WriteLine($"{state}: HTTP {status}, load {loaded.TotalMilliseconds:F0} ms, axe {axeTime.TotalMilliseconds:F0} ms, " +
            $"{axe.Violations.Length} violations, {axe.Passes.Length} rules passed, {axe.Incomplete.Length} incomplete; screenshot {path}");
        Assert.True(axe.Violations.Length == 0, string.Join("\n", axe.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}")));
        Assert.Empty(cspViolations);
        Assert.Contains(title, await page.TitleAsync(), StringComparison.Ordinal);
        // The app's module ran under the CSP: it shows the scripted "Add another" button.
        if (state.StartsWith("form", StringComparison.Ordinal))
        {
            Assert.True(await page.IsVisibleAsync("[data-app-add-young-person]"));
            Assert.False(await page.IsVisibleAsync("[data-app-add-young-person-fallback]"));
        }
    }

    private static async Task<(int Status, string Title)> OpenAsync(IPage page, PageTarget target, string state)
    {
        async Task<int> Go(string url) => (await page.GotoAsync(url))!.Status;
        async Task<int> Submit(string button)
        {
            var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync($"button:has-text('{button}')"), r => r.Request.Method == "POST");
            await page.WaitForLoadStateAsync();
            return response.Status;
        }

        switch (state)
        {
            case "form":
                return (Expect(200, await Go("/api/form")), "Report an incident");
            case "form-errors":
                await Go("/api/form");
                return (Expect(400, await Submit("Send report")), "Error: Report an incident");
            case "form-js-two-people":
                await Go("/api/form");
                await page.ClickAsync("[data-app-add-young-person]");
                return (200, "Report an incident");
            case "receipt":
                await Go("/api/form");
                await FormFiller.FillAsync(page);
                return (Expect(202, await Submit("Send report")), "Referral received");
            case "approval":
                return (Expect(200, await Go("/api/approvals/" + target.ApprovalToken)), "Authorise Outcome 21");
            case "approval-errors":
                await Go("/api/approvals/" + target.ApprovalToken);
                await page.CheckAsync("#decision");
                return (Expect(400, await Submit("Record decision")), "Error: Authorise Outcome 21");
            case "approval-authorised" or "approval-declined" or "approval-consulted":
                await Go("/api/approvals/" + target.ApprovalToken);
                await page.CheckAsync(state switch { "approval-authorised" => "#decision", "approval-declined" => "#decision-decline", _ => "#decision-consult" });
                await page.FillAsync("#rationale", "Low risk; both pupils and parents engaged with the school.");
                return (Expect(200, await Submit("Record decision")), state switch { "approval-authorised" => "Outcome 21 authorised", "approval-declined" => "Outcome 21 declined", _ => "Safeguarding expert consulted" });
            case "education":
                return (Expect(200, await Go("/api/education/" + target.EducationToken)), "Confirm education");
            case "education-errors":
                // The one error a person can make here: notes past the limit.
                await Go("/api/education/" + target.EducationToken);
                await page.Locator("#notes").EvaluateAsync("(e, v) => { e.value = v; }", new string('x', 4001)); // past the box's own maxlength
                return (Expect(400, await Submit("Confirm delivered")), "Error: Confirm education");
            case "education-confirmed":
                await Go("/api/education/" + target.EducationToken);
                await page.CheckAsync("#delivered-YP1");
                return (Expect(200, await Submit("Confirm delivered")), "Education and intervention recorded");
            case "link-unknown":
                return (Expect(404, await Go("/api/approvals/not-a-token")), "This link is not recognised");
            case "link-expired":
                return (Expect(410, await Go("/api/approvals/" + target.ExpiredToken)), "This link has expired");
            case "link-used":
                return (Expect(410, await Go("/api/education/" + target.UsedToken)), "This link has already been used");
            case "confirmation":
                return (Expect(200, await Go("/api/confirmations/" + target.ConfirmationToken)), "Confirm your email address");
            case "confirmation-confirmed":
                await Go("/api/confirmations/" + target.ConfirmationToken);
                return (Expect(200, await Submit("Confirm my email address")), "Email address confirmed");
            case "case-awaiting" or "case-referred" or "case-under-investigation" or "case-overdue":
                var crimeReference = state == "case-overdue" ? "DO-2026-000001" : "DC-2026-000001";
                return (Expect(200, await Go("/api/cases/" + state["case-".Length..])), crimeReference);
            default:
                throw new ArgumentOutOfRangeException(nameof(state), state, null);
        }
    }

    private static int Expect(int expected, int actual)
    {
        Assert.Equal(expected, actual);
        return actual;
    }
}
