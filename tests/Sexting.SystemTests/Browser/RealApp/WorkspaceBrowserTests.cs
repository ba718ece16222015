using System.Text.Json;
using Microsoft.Playwright;
using Sexting.TestSupport;
using Xunit.Abstractions;
using static Sexting.SystemTests.Browser.Preview.FormFiller;

namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>
/// Issue 20, "done when": the staff workspace walked through in chromium as the people would, on the
/// real app (the local host on Azurite). Each person signs in on the sign-in page with their roles,
/// finds the case in the list by its crime reference, opens it and acts from its page (contract §10).
/// Every page and state passes <see cref="PageChecks"/> (axe WCAG 2.2 AA, CSP, no personal data in the
/// title or URL) and is screenshotted.
/// </summary>
[Trait("Category", "Browser")]
[Collection(RealAppCollection.Name)]
public sealed class WorkspaceBrowserTests(RealAppFixture app, ITestOutputHelper output)
{
    private static readonly string[] PersonalData = ["Alex Example", "Sam Sample", "Jo Bloggs", "dsl@exevalley.example"];

    private static readonly TimeSpan EmailWait = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan StatusWait = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AggravatedCase_SupervisorReturnsIt_ManagerAuthorisesFromTheCasePage_YouthOfficerConfirms()
    {
        await using var context = await app.NewContextAsync();
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var (referralId, crimeReference) = await SubmitAsync(page, name, grooming: true);
        await WaitForStatusAsync(context, referralId, "ReferredForInvestigation");

        // A supervisor finds it in the list and returns it to the Outcome 21 route (§3.5.1).
        await SignInAtAsync(checks, "/api/cases?q=" + crimeReference, "Sam Supervisor", "Supervisor Force.DevonAndCornwall");
        await checks.AssertAsync("workspace-list", "Cases");
        await page.ClickAsync($"a[href='/api/cases/{referralId}']");
        await page.WaitForURLAsync($"**/api/cases/{referralId}");
        await checks.AssertAsync("workspace-case-referred", crimeReference);
        Assert.Contains("Grooming", await page.TextContentAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await page.ContentAsync(), StringComparison.OrdinalIgnoreCase);

        var returnForm = $"form[action='/api/cases/{referralId}/investigation/return']";
        Assert.Equal(400, await checks.ClickAndPostAsync(returnForm + " button[type=submit]")); // no rationale
        await page.GotoAsync("/api/cases/" + referralId);
        await page.CheckAsync(returnForm + " input[name=discount][value=Grooming]");
        await page.FillAsync(returnForm + " textarea[name=rationale]", "The contact was between classmates of the same age; no grooming.");
        Assert.Equal(303, await checks.ClickAndPostAsync(returnForm + " button[type=submit]"));
        await checks.AssertAsync("workspace-case-returned", crimeReference);
        await WaitForStatusAsync(context, referralId, "AwaitingAuthorisation");
        await app.App.WaitForEmailAsync("AuthorisationRequest", referralId, EmailWait);

        // The manager authorises from the case page: the emailed links are consumed (contract §10).
        await SignOutAsync(page);
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall");
        await page.ReloadAsync(); // the case as it is now
        await checks.AssertAsync("workspace-case-awaiting", crimeReference);
        var decision = $"form[action='/api/cases/{referralId}/decision']";
        await page.CheckAsync(decision + " input[name=decision][value=authorise]");
        await page.FillAsync(decision + " textarea[name=rationale]", "Returned by the supervisor; low risk, both families engaged.");
        Assert.Equal(303, await checks.ClickAndPostAsync(decision + " button[type=submit]"));
        await checks.AssertAsync("workspace-case-authorised", crimeReference);
        await WaitForStatusAsync(context, referralId, "EducationAndIntervention");
        var request = await app.App.WaitForEmailAsync("AuthorisationRequest", referralId, EmailWait);
        Assert.Equal(410, (await context.APIRequest.GetAsync(new Uri(app.App.LinkIn(request, "/api/approvals/")).PathAndQuery)).Status);

        // The youth officer confirms delivery through the emailed link.
        var youthTeam = await app.App.WaitForEmailAsync("YouthTeamNotification", referralId, EmailWait);
        await SignOutAsync(page);
        await SignInAtAsync(checks, new Uri(app.App.LinkIn(youthTeam, "/api/education/")).PathAndQuery, "Riley Officer", "YouthOfficer Force.DevonAndCornwall");
        await page.CheckAsync("#delivered-YP1");
        Assert.Equal(200, await checks.SubmitAsync("Confirm delivered"));
        await WaitForStatusAsync(context, referralId, "Closed");

        var @case = await ReadAsync(context, referralId);
        var grooming = @case.GetProperty("aggravatingFactors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "Grooming");
        Assert.Contains("Sam Supervisor", grooming.GetProperty("discountedBy").GetString(), StringComparison.Ordinal);
        Assert.Contains("Morgan Manager", @case.GetProperty("outcome").GetProperty("authorisedBy").GetString(), StringComparison.Ordinal);
        var events = @case.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("ReturnedToOutcome21", events);
        Assert.Contains("Authorised", events);
    }

    [Fact]
    public async Task AggravatedCase_InvestigatorAcceptsAndCloses_TheSettingIsToldOnAcceptance()
    {
        await using var context = await app.NewContextAsync();
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var (referralId, crimeReference) = await SubmitAsync(page, name, grooming: true);
        await WaitForStatusAsync(context, referralId, "ReferredForInvestigation");

        // Someone without the role sees no accept button, and a forged post is refused.
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Riley Officer", "YouthOfficer Force.DevonAndCornwall");
        var accept = $"form[action='/api/cases/{referralId}/investigation/accept']";
        Assert.Equal(0, await page.Locator(accept).CountAsync());
        await SignOutAsync(page);

        await SignInAtAsync(checks, "/api/cases/" + referralId, "Ivy Investigator", "Investigator Force.DevonAndCornwall");
        await checks.AssertAsync("workspace-case-to-accept", crimeReference);
        Assert.Equal(303, await checks.ClickAndPostAsync(accept + " button[type=submit]"));
        await checks.AssertAsync("workspace-case-accepted", crimeReference);
        await WaitForStatusAsync(context, referralId, "UnderInvestigation");
        var told = await app.App.WaitForEmailAsync("SettingOutcome", referralId, EmailWait);
        Assert.Contains("investigat", told.Text, StringComparison.OrdinalIgnoreCase);

        var close = $"form[action='/api/cases/{referralId}/investigation/close']";
        await page.FillAsync(close + " [name=outcome]", "No further action: words of advice given.");
        Assert.Equal(303, await checks.ClickAndPostAsync(close + " button[type=submit]"));
        await checks.AssertAsync("workspace-case-closed", crimeReference);
        await WaitForStatusAsync(context, referralId, "Closed");

        var investigation = (await ReadAsync(context, referralId)).GetProperty("investigation");
        Assert.Contains("Ivy Investigator", investigation.GetProperty("acceptedBy").GetString(), StringComparison.Ordinal);
        Assert.Equal("No further action: words of advice given.", investigation.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Outcome21Case_ManagerConsultsFromTheCasePage_ExpertRecordsAdvice_ManagerSeesIt()
    {
        await using var context = await app.NewContextAsync();
        var name = NewName();
        var checks = await PageChecks.OpenAsync(context, output, [.. PersonalData, name]);
        var page = checks.Page;
        var (referralId, crimeReference) = await SubmitAsync(page, name, grooming: false);
        await WaitForStatusAsync(context, referralId, "AwaitingAuthorisation");

        // Before any consultation the expert has nothing to advise on: no form (and the route answers 409).
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Eve Expert", "SafeguardingExpert Force.DevonAndCornwall");
        var advice = $"form[action='/api/cases/{referralId}/advice']";
        Assert.Equal(0, await page.Locator(advice).CountAsync());
        await SignOutAsync(page);

        // §3.4.3: the manager consults the safeguarding expert from the case page.
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall");
        var decision = $"form[action='/api/cases/{referralId}/decision']";
        await page.CheckAsync(decision + " input[name=decision][value=consult]");
        Assert.Equal(303, await checks.ClickAndPostAsync(decision + " button[type=submit]"));
        await app.App.WaitForEmailAsync("SafeguardingExpertConsultation", referralId, EmailWait);
        await SignOutAsync(page);

        // The expert records advice: a blank form is answered with its error, then the advice is kept.
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Eve Expert", "SafeguardingExpert Force.DevonAndCornwall");
        await page.ReloadAsync(); // the case as it is now
        await checks.AssertAsync("workspace-case-consulted", crimeReference);
        Assert.Equal(400, await checks.ClickAndPostAsync(advice + " button[type=submit]"));
        await page.GotoAsync("/api/cases/" + referralId);
        await page.FillAsync(advice + " textarea[name=advice]", "Outcome 21 is suitable; ask the school to keep the pastoral plan under review.");
        Assert.Equal(303, await checks.ClickAndPostAsync(advice + " button[type=submit]"));
        await checks.AssertAsync("workspace-case-advised", crimeReference);
        Assert.Contains("keep the pastoral plan under review", await page.TextContentAsync("main"), StringComparison.Ordinal);

        // The manager is emailed at the address the consultation came from, and sees the advice on the case.
        var sent = await app.App.WaitForEmailAsync("SafeguardingAdviceRecorded", referralId, EmailWait);
        Assert.Contains("morgan.manager@police.example", sent.Json, StringComparison.Ordinal);
        await SignOutAsync(page);
        await SignInAtAsync(checks, "/api/cases/" + referralId, "Morgan Manager", "AuthorisingManager Force.DevonAndCornwall");
        Assert.Contains("keep the pastoral plan under review", await page.TextContentAsync("main"), StringComparison.Ordinal);
        var events = (await ReadAsync(context, referralId)).GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()).ToList();
        Assert.Contains("SafeguardingExpertConsulted", events);
        Assert.Contains("SafeguardingAdviceRecorded", events);
    }

    /// <summary>The form sent from the page (with grooming ticked, or not), then the reporter confirms (contract §11).</summary>
    private async Task<(string ReferralId, string CrimeReference)> SubmitAsync(IPage page, string name, bool grooming)
    {
        await page.GotoAsync("/api/form");
        await FillAsync(page, firstName: name);
        if (grooming)
        {
            await page.CheckAsync("input[name='concerns.grooming']");
        }

        var response = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Send report')"), r => r.Request.Method == "POST");
        Assert.Equal(202, response.Status);
        var referralId = (await response.HeaderValueAsync("location"))!["/api/referrals/".Length..];
        var crimeReference = (await page.TextContentAsync(".govuk-panel .app-crime-reference"))!.Trim();
        var link = await ReporterConfirmations.WaitForLinkAsync(app.App.OutboxPath, referralId, EmailWait);
        await page.GotoAsync(link.PathAndQuery);
        var confirmed = await page.RunAndWaitForResponseAsync(() => page.ClickAsync("button:has-text('Confirm my email address')"), r => r.Request.Method == "POST");
        Assert.Equal(200, confirmed.Status);
        return (referralId, crimeReference);
    }

    /// <summary>Opens <paramref name="path"/> signed out, signs in on the sign-in page it sends to, and lands back there.</summary>
    private static async Task SignInAtAsync(PageChecks checks, string path, string name, string roles)
    {
        var page = checks.Page;
        await page.GotoAsync(path);
        Assert.Contains("/.auth/login/aad", page.Url, StringComparison.Ordinal);
        await page.FillAsync("#name", name);
        await page.FillAsync("#email", name.ToLowerInvariant().Replace(' ', '.') + "@police.example");
        await page.FillAsync("#roles", roles);
        await page.ClickAsync("button:has-text('Sign in')");
        await page.WaitForURLAsync(url => !url.Contains("/.auth/", StringComparison.Ordinal), new PageWaitForURLOptions { Timeout = 15_000 });
        await page.WaitForLoadStateAsync();
    }

    private static async Task SignOutAsync(IPage page) => await page.GotoAsync("/.auth/logout");

    private async Task<JsonElement> ReadAsync(IBrowserContext context, string referralId)
    {
        var response = await context.APIRequest.GetAsync("/api/referrals/" + referralId, new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json", ["x-functions-key"] = app.App.FunctionKey },
        });
        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.Clone();
    }

    private async Task WaitForStatusAsync(IBrowserContext context, string referralId, string status)
    {
        var deadline = DateTime.UtcNow + StatusWait;
        string? seen = null;
        while (DateTime.UtcNow < deadline)
        {
            seen = (await ReadAsync(context, referralId)).GetProperty("status").GetString();
            if (seen == status)
            {
                return;
            }

            await Task.Delay(250);
        }

        Assert.Fail($"Referral never reached {status} (last seen {seen}).\n{app.App.Output}");
    }
}
