using System.Diagnostics;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Sexting.SystemTests.Browser.Preview.FormFiller;

namespace Sexting.SystemTests.Browser.Preview;

/// <summary>The referral form in chromium: keyboard only, with and without JavaScript, and the headers it is served with.</summary>
[Trait("Category", "Browser")]
[Collection(BrowserCollection.Name)]
public sealed class ReferralFormBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Fact]
    public async Task Form_KeyboardOnly_CanBeCompletedAndSent()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/form");
        var watch = Stopwatch.StartNew();
        var tabs = await FillByKeyboardAsync(page);

        var response = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");

        Assert.Equal(202, response.Status);
        Assert.Equal("Referral received", (await page.TextContentAsync("h1"))!.Trim());
        Assert.StartsWith("DO-", (await page.TextContentAsync(".govuk-panel .app-crime-reference"))!.Trim(), StringComparison.Ordinal);
        output.WriteLine($"Keyboard only: {tabs} Tab presses, completed and sent in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task Form_WithJavaScript_AddsRenumbersAndRemovesYoungPeople()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/form");
        await FillAsync(page);

        await page.ClickAsync("[data-app-add-young-person]");
        Assert.Equal("youngPeople-1-name", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("", await page.InputValueAsync("#youngPeople-1-name"));
        await FillPersonAsync(page, 1, "Will Be Removed");
        await page.ClickAsync("[data-app-add-young-person]");
        await FillPersonAsync(page, 2, "Sam Sample");
        Assert.Equal(3, await page.Locator("[data-app-young-person]").CountAsync());

        await page.ClickAsync("button:has-text('Remove young person 2')");

        Assert.Equal(2, await page.Locator("[data-app-young-person]").CountAsync());
        Assert.Equal("Sam Sample", await page.InputValueAsync("input[name='youngPeople[1].name']"));
        Assert.Equal("youngPeople-1-dateOfBirth-day", await page.GetAttributeAsync("input[name='youngPeople[1].dateOfBirth-day']", "id"));
        Assert.Equal("youngPeople-1-dateOfBirth-day", await page.GetAttributeAsync("label:has-text('Day') >> nth=2", "for"));
        Assert.Equal("2", (await page.TextContentAsync("[data-app-young-person] >> nth=1 >> [data-app-young-person-number]"))!.Trim());

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Send report')"), r => r.Request.Method == "POST");
        Assert.Equal(202, response.Status);
        var posted = response.Request.PostData!;
        Assert.Contains("youngPeople%5B1%5D.name=Sam+Sample", posted, StringComparison.Ordinal);
        Assert.DoesNotContain("Will+Be+Removed", posted, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Form_WithoutJavaScript_AddsAPersonByPostingBackAndIsSent()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/form");
        Assert.False(await page.IsVisibleAsync("[data-app-add-young-person]"));
        await FillAsync(page);

        await page.ClickAsync("[data-app-add-young-person-fallback]");

        Assert.EndsWith("/api/form?people=2", page.Url, StringComparison.Ordinal);
        Assert.Equal("Alex Example", await page.InputValueAsync("#youngPeople-0-name"));
        Assert.Equal("Exe Valley Academy", await page.InputValueAsync("#setting-name"));
        await FillPersonAsync(page, 1, "Sam Sample");
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Send report')"), r => r.Request.Method == "POST");
        Assert.Equal(202, response.Status);
        Assert.Equal("Referral received", (await page.TextContentAsync("h1"))!.Trim());
    }

    [Fact]
    public async Task Form_ErrorSummaryLink_MovesFocusToTheField()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/form");
        await FillAsync(page);
        await page.FillAsync("#youngPeople-0-dateOfBirth-month", "13");
        await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Send report')"), r => r.Request.Method == "POST");

        // govuk-frontend focuses the summary on load; its links move focus to the field.
        await page.WaitForFunctionAsync("() => document.activeElement.classList.contains('govuk-error-summary')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await page.ClickAsync(".govuk-error-summary__list a");
        Assert.Equal("youngPeople-0-dateOfBirth-day", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("13", await page.InputValueAsync("#youngPeople-0-dateOfBirth-month"));
    }

    [Theory]
    [InlineData("/api/form")]
    [InlineData("/api/approvals/not-a-token")]
    public async Task Page_OverHttp_CarriesTheSecurityHeaders(string path)
    {
        await using var context = await browser.NewContextAsync();
        var response = await context.APIRequest.GetAsync(path);
        var headers = response.Headers;

        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
        Assert.Equal("no-store", headers["cache-control"]);
        Assert.Equal("text/html; charset=utf-8", headers["content-type"]);
    }
}
