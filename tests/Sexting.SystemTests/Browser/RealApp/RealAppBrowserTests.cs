using System.Diagnostics;
using Microsoft.Playwright;
using Sexting.TestSupport;
using Xunit.Abstractions;
using static Sexting.SystemTests.Browser.Preview.FormFiller;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// The pages of the real app in chromium: the local host on Azurite, with decision links taken
/// from the emails in its outbox. Every page and state passes <see cref="PageChecks"/>
/// (axe WCAG 2.2 AA, CSP, no personal data in titles or URLs) and is screenshotted.
/// </summary>
[Trait("Category", "Browser")]
[Collection(RealAppCollection.Name)]
public sealed class RealAppBrowserTests(RealAppFixture app, ITestOutputHelper output)
{
    private static readonly string[] PersonalData = ["Alex Example", "Sam Sample", "Jo Bloggs", "dsl@exevalley.example"];

    private static readonly TimeSpan EmailWait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task Form_ValidReferral_ShowsReceiptWithCrimeReference()
    {
        await using var context = await app.NewContextAsync();
        var checks = await PageChecks.OpenAsync(context, output, PersonalData);
        var page = checks.Page;
        Assert.Equal(200, (await page.GotoAsync("/api/form"))!.Status);
        await checks.AssertAsync("form", "Report an incident");
        Assert.Equal(0, await page.Locator("input[type=file]").CountAsync());

        await FillAsync(page);
        var watch = Stopwatch.StartNew();
        var status = await checks.SubmitAsync("Send report");

        Assert.Equal(202, status);
        Assert.Equal("Referral received", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Matches(@"^DC-\d{4}-\d{6}$", (await page.TextContentAsync(".govuk-panel .app-crime-reference"))!.Trim());
        await checks.AssertAsync("receipt", "Referral received");
        output.WriteLine($"Form sent to the real app and receipt shown in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task ConfirmationPage_JavaScriptOff_PassesChecksAndConfirms()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var referralId = await SubmitOnlyAsync(page, name);
        Assert.Contains("You must confirm your email address", await page.ContentAsync(), StringComparison.Ordinal);
        var link = await ReporterConfirmations.WaitForLinkAsync(app.App.OutboxPath, referralId, EmailWait);

        Assert.Equal(200, (await page.GotoAsync(link.PathAndQuery))!.Status);
        await checks.AssertAsync("confirmation", "Confirm your email address", runAxe: false); // JavaScript is off: axe cannot run (PageAccessibilityTests check these pages)
        Assert.Equal(200, await checks.SubmitAsync("Confirm my email address"));
        await checks.AssertAsync("confirmation-confirmed", "Email address confirmed", runAxe: false); // JavaScript is off: axe cannot run (PageAccessibilityTests check these pages)

        // Single use: the same link now answers 410 with its own page.
        Assert.Equal(410, (await page.GotoAsync(link.PathAndQuery))!.Status);
        await checks.AssertAsync("confirmation-used", "This email address is already confirmed", runAxe: false); // JavaScript is off: axe cannot run (PageAccessibilityTests check these pages)
    }

    [Fact]
    public async Task Form_InvalidReferral_ErrorSummaryLinkMovesFocusToTheField()
    {
        await using var context = await app.NewContextAsync();
        var checks = await PageChecks.OpenAsync(context, output, PersonalData);
        var page = checks.Page;
        await page.GotoAsync("/api/form");
        await FillAsync(page);
        await page.FillAsync("#youngPeople-0-dateOfBirth-month", "13");
        await page.FillAsync("#reporter-email", "");

        Assert.Equal(400, await checks.SubmitAsync("Send report"));

        // govuk-frontend focuses the summary on load; each link moves focus to its field.
        await page.WaitForFunctionAsync("() => document.activeElement.classList.contains('govuk-error-summary')", null, new PageWaitForFunctionOptions { Timeout = 10_000 });
        await checks.AssertAsync("form-errors", "Error: Report an incident");
        await page.ClickAsync(".govuk-error-summary__list a[href='#youngPeople-0-dateOfBirth-day']");
        Assert.Equal("youngPeople-0-dateOfBirth-day", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("13", await page.InputValueAsync("#youngPeople-0-dateOfBirth-month"));
        await page.ClickAsync(".govuk-error-summary__list a[href='#reporter-email']");
        Assert.Equal("reporter-email", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        Assert.Equal("Exe Valley Academy", await page.InputValueAsync("#setting-name"));
    }

    [Fact]
    public async Task Form_WithoutJavaScript_AddsAYoungPersonByPostingBackAndIsSent()
    {
        await using var context = await app.NewContextAsync(javaScript: false);
        var checks = await PageChecks.OpenAsync(context, output, PersonalData);
        var page = checks.Page;
        await page.GotoAsync("/api/form");
        await FillAsync(page);

        Assert.Equal(200, await checks.ClickAndPostAsync("[data-app-add-young-person-fallback]"));
        Assert.EndsWith("/api/form?people=2", page.Url, StringComparison.Ordinal);
        Assert.Equal("Alex Example", await page.InputValueAsync("#youngPeople-0-name"));
        await FillPersonAsync(page, 1, "Sam Sample");
        await checks.AssertAsync("form-no-js-two-people", "Report an incident", runAxe: false);

        Assert.Equal(202, await checks.SubmitAsync("Send report"));
        Assert.Equal("Referral received", (await page.TextContentAsync("h1"))!.Trim());
    }

    [Fact]
    public async Task Form_KeyboardOnly_CanBeCompletedAndSent()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/api/form");
        var watch = Stopwatch.StartNew();

        var tabs = await FillByKeyboardAsync(page);
        var response = await page.RunAndWaitForResponseAsync(() => page.Keyboard.PressAsync("Enter"), r => r.Request.Method == "POST");

        Assert.Equal(202, response.Status);
        Assert.Equal("Referral received", (await page.TextContentAsync("h1"))!.Trim());
        Assert.Matches(@"^DO-\d{4}-\d{6}$", (await page.TextContentAsync(".govuk-panel .app-crime-reference"))!.Trim());
        output.WriteLine($"Keyboard only on the real app: {tabs} Tab presses, completed and sent in {watch.ElapsedMilliseconds} ms");
    }

    [Fact]
    public async Task DecisionPages_SignInFromTheEmailLink_OnlyTheCasesManagerAuthorisesThenTheYouthOfficerConfirms()
    {
        await using var context = await app.NewContextAsync();
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var referralId = await SubmitReferralAsync(page, name, app.App); // Devon and Cornwall

        var watch = Stopwatch.StartNew();
        var request = await app.App.WaitForEmailAsync("AuthorisationRequest", referralId, EmailWait);
        output.WriteLine($"AuthorisationRequest in the outbox {watch.ElapsedMilliseconds} ms after the receipt");
        var approvalLink = app.App.LinkIn(request, "/api/approvals/");

        // Signed out, the emailed link goes to the sign-in page and back (contract §5, §9).
        Assert.Equal(200, (await page.GotoAsync(approvalLink))!.Status);
        Assert.Contains("/.auth/login/aad?post_login_redirect_uri=", page.Url, StringComparison.Ordinal);
        await checks.AssertAsync("sign-in", "Development sign-in");

        // A youth officer of the force, and a manager of the other force: 403, nothing changed.
        Assert.Equal(403, await SignInAsync(checks, "Riley Officer", "YouthOfficer Force.DevonAndCornwall"));
        await checks.AssertAsync("link-not-permitted", "You cannot use this link");
        await SignOutThenOpenAsync(page, approvalLink);
        Assert.Equal(403, await SignInAsync(checks, "Dana Dorset", "AuthorisingManager Force.Dorset"));
        Assert.DoesNotContain("YP1", await page.TextContentAsync("main"), StringComparison.Ordinal);

        // The case's own manager.
        await SignOutThenOpenAsync(page, approvalLink);
        Assert.Equal(200, await SignInAsync(checks, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall"));
        await checks.AssertAsync("approval", "Authorise Outcome 21");
        var summary = await page.TextContentAsync("main");
        Assert.DoesNotContain(name, summary, StringComparison.Ordinal);
        Assert.Contains("YP1", summary, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#managerName").CountAsync());

        await page.CheckAsync("#decision");
        Assert.Equal(400, await checks.SubmitAsync("Record decision"));
        await checks.AssertAsync("approval-errors", "Error: Authorise Outcome 21");

        await page.FillAsync("#rationale", "Low risk; both pupils and their parents engaged with the school.");
        Assert.Equal(200, await checks.SubmitAsync("Record decision"));
        await checks.AssertAsync("approval-authorised", "Outcome 21 authorised");

        // The timeline names the manager as signed in.
        var @case = await (await context.APIRequest.GetAsync("/api/referrals/" + referralId)).TextAsync();
        Assert.Contains("authorised by Morgan Manager (morgan.manager@police.example)", @case, StringComparison.Ordinal);

        // The youth officer confirms delivery for YP1.
        var youthTeam = await app.App.WaitForEmailAsync("YouthTeamNotification", referralId, EmailWait);
        var educationLink = app.App.LinkIn(youthTeam, "/api/education/");
        await SignOutThenOpenAsync(page, educationLink);
        Assert.Equal(200, await SignInAsync(checks, "Riley Officer", "YouthOfficer Force.DevonAndCornwall"));
        await checks.AssertAsync("education", "Confirm education");
        await page.CheckAsync("#delivered-YP1");
        Assert.Equal(200, await checks.SubmitAsync("Confirm delivered"));
        await checks.AssertAsync("education-confirmed", "Education and intervention recorded");

        Assert.Equal(410, (await page.GotoAsync(educationLink))!.Status);
        await checks.AssertAsync("link-used", "This link has already been used");
        Assert.Equal(404, (await page.GotoAsync("/api/education/" + referralId + ".not-the-secret"))!.Status);
        await checks.AssertAsync("link-unknown", "This link is not recognised");
    }

    [Fact]
    public async Task DecisionPage_ConsultThenDecline_ShowsEachConfirmation()
    {
        await using var context = await app.NewContextAsync();
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var referralId = await SubmitReferralAsync(page, name, app.App);
        var link = app.App.LinkIn(await app.App.WaitForEmailAsync("AuthorisationRequest", referralId, EmailWait), "/api/approvals/");

        await page.GotoAsync(link);
        Assert.Equal(200, await SignInAsync(checks, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall"));
        await page.CheckAsync("#decision-consult");
        Assert.Equal(200, await checks.SubmitAsync("Record decision"));
        await checks.AssertAsync("approval-consulted", "Safeguarding expert consulted");

        // Consulting is not final (§3.4.3): the same link still decides.
        Assert.Equal(200, (await page.GotoAsync(link))!.Status);
        await page.CheckAsync("#decision-decline");
        await page.FillAsync("#rationale", "A pattern of behaviour needs investigating.");
        Assert.Equal(200, await checks.SubmitAsync("Record decision"));
        await checks.AssertAsync("approval-declined", "Outcome 21 declined");
    }

    [Fact]
    public async Task DecisionPage_LinkPastItsLifetime_ShowsTheExpiredPage()
    {
        // A second host whose links live two seconds (contract §1, Approval:LinkLifetime).
        await using var shortLived = await app.StartHostAsync(new Dictionary<string, string?> { ["Approval__LinkLifetime"] = "00:00:02" });
        output.WriteLine($"Second local host up in {shortLived.Startup.TotalMilliseconds:F0} ms");
        await using var context = await app.NewContextAsync(shortLived);
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var referralId = await SubmitReferralAsync(page, name, shortLived);
        var link = shortLived.LinkIn(await shortLived.WaitForEmailAsync("AuthorisationRequest", referralId, EmailWait), "/api/approvals/");

        await page.GotoAsync("/.auth/login/aad?post_login_redirect_uri=/api/form");
        await SignInAsync(checks, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall");
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.Equal(410, (await page.GotoAsync(link))!.Status);
        await checks.AssertAsync("link-expired", "This link has expired");
        Assert.Equal(0, await page.Locator("form").CountAsync());
    }

    [Theory]
    [InlineData("/api/form")]
    [InlineData("/api/approvals/not-a-token")]
    [InlineData("/api/assets/pages.css")]
    public async Task Response_FromTheRealApp_CarriesTheSecurityHeaders(string path)
    {
        await using var context = await app.NewContextAsync();
        var response = await context.APIRequest.GetAsync(path);
        var headers = response.Headers;

        Assert.Contains("default-src 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", headers["content-security-policy"], StringComparison.Ordinal);
        Assert.Equal("nosniff", headers["x-content-type-options"]);
        Assert.Equal("no-referrer", headers["referrer-policy"]);
        Assert.Equal("DENY", headers["x-frame-options"]);
    }

    [Theory]
    [InlineData("/api/assets/../appsettings.json")]
    [InlineData("/api/assets/%2e%2e/%2e%2e/host.json")]
    [InlineData("/api/assets/..%2F..%2Fappsettings.json")]
    [InlineData("/api/assets/nothing.css")]
    public async Task Asset_UnknownOrTraversingPath_Is404(string path)
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(app.App.BaseUrl + path));

        Assert.Equal(404, (int)response.StatusCode);
    }

    /// <summary>Sends a valid referral through the form (no aggravating factor: Outcome 21 is proposed); returns its referral id.</summary>
    /// <summary>
    /// Signs in on the development sign-in page the browser is on, as a person would (contract §9),
    /// and returns the status of the page it then lands on.
    /// </summary>
    private static async Task<int> SignInAsync(PageChecks checks, string name, string roles)
    {
        var page = checks.Page;
        Assert.Contains("/.auth/login/aad", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", name);
        await page.FillAsync("#email", name.ToLowerInvariant().Replace(' ', '.') + "@police.example");
        await page.FillAsync("#roles", roles);
        IResponse? landed = null;
        void OnResponse(object? sender, IResponse response)
        {
            if (response.Request.IsNavigationRequest && !response.Url.Contains("/.auth/", StringComparison.Ordinal))
            {
                landed = response;
            }
        }

        page.Response += OnResponse;
        try
        {
            await page.ClickAsync("button:has-text('Sign in')");
            try
            {
                await page.WaitForURLAsync(url => !url.Contains("/.auth/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
            }
            catch (TimeoutException)
            {
                Assert.Fail($"still at {page.Url} after signing in:\n{await page.TextContentAsync("main")}");
            }

            await page.WaitForLoadStateAsync();
        }
        finally
        {
            page.Response -= OnResponse;
        }

        return landed?.Status ?? throw new InvalidOperationException("No page answered after signing in.");
    }

    private static async Task SignOutThenOpenAsync(IPage page, string link)
    {
        await page.GotoAsync("/.auth/logout");
        Assert.Equal(200, (await page.GotoAsync(link))!.Status); // the sign-in page, after the 302
        Assert.Contains("/.auth/login/aad", page.Url, StringComparison.Ordinal);
    }

    /// <summary>The form sent from the page, then the reporter confirms in the browser with the link from the outbox (contract §11).</summary>
    private static async Task<string> SubmitReferralAsync(IPage page, string name, RealAppHost host)
    {
        var referralId = await SubmitOnlyAsync(page, name);
        var link = await ReporterConfirmations.WaitForLinkAsync(host.OutboxPath, referralId, EmailWait);
        await page.GotoAsync(link.PathAndQuery);
        var confirmed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Confirm my email address')"), r => r.Request.Method == "POST");
        Assert.Equal(200, confirmed.Status);
        return referralId;
    }

    private static async Task<string> SubmitOnlyAsync(IPage page, string name)
    {
        await page.GotoAsync("/api/form");
        await FillAsync(page, firstName: name);
        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Send report')"), r => r.Request.Method == "POST");
        Assert.Equal(202, response.Status);
        var location = await response.HeaderValueAsync("location");
        Assert.NotNull(location);
        return location["/api/referrals/".Length..];
    }
}
