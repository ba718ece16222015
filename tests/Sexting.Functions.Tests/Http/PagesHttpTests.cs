using Microsoft.AspNetCore.Http;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Education;
using Sexting.Functions.Pages;

namespace Sexting.Functions.Tests.Http;

/// <summary>The page functions (contract §8) and the link-problem pages of contract §5, as the hosts run them.</summary>
public sealed class PagesHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private static void AssertSecurityHeaders(HttpHarness.Response response)
    {
        var csp = response.Headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"].ToString());
        Assert.Equal("DENY", response.Headers.XFrameOptions.ToString());
    }

    private async Task<HttpHarness.Response> ShowFormAsync(string query = "")
    {
        var request = HttpHarness.Request("GET");
        request.QueryString = new QueryString(query);
        return await HttpHarness.ExecuteAsync(_h.Create<ReferralFormHttp>().Show(request), request);
    }

    [Fact]
    public async Task Show_Form_Returns200FormPostingToReferralsWithoutAnyFileInput()
    {
        var response = await ShowFormAsync();

        Assert.Equal(200, response.Status);
        Assert.Equal("text/html; charset=utf-8", response.ContentType);
        AssertSecurityHeaders(response);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        Assert.Contains("action=\"/api/referrals\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("type=\"file\"", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("multipart", response.Body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Images must never be attached", response.Body, StringComparison.Ordinal);
        Assert.Contains("id=\"youngPeople-0-name\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"youngPeople-1-name\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_EachTime_GivesANewSubmissionId()
    {
        static string IdOf(string body) => body[(body.IndexOf("name=\"submissionId\" value=\"", StringComparison.Ordinal) + 27)..][..36];

        var first = IdOf((await ShowFormAsync()).Body);
        var second = IdOf((await ShowFormAsync()).Body);

        Assert.True(Guid.TryParse(first, out _));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task AddYoungPersonAsync_PostBackWithPeople2_ShowsTwoSectionsKeepingWhatWasTyped()
    {
        var fields = ReferralFormPostTests.ValidForm();
        var request = HttpHarness.Form([.. fields]);
        request.QueryString = new QueryString("?people=2");

        var response = await HttpHarness.ExecuteAsync(await _h.Create<ReferralFormHttp>().AddYoungPersonAsync(request, default), request);

        Assert.Equal(200, response.Status);
        AssertSecurityHeaders(response);
        Assert.Contains("id=\"youngPeople-1-name\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"Alex Example\"", response.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-error-summary", response.Body, StringComparison.Ordinal);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Theory]
    [InlineData("multipart/form-data; boundary=x", 415)]
    [InlineData("application/json", 415)]
    public async Task AddYoungPersonAsync_NotUrlEncoded_Returns415(string contentType, int status)
    {
        var request = HttpHarness.Request("POST", contentType, "{}");

        var response = await HttpHarness.ExecuteAsync(await _h.Create<ReferralFormHttp>().AddYoungPersonAsync(request, default), request);

        Assert.Equal(status, response.Status);
    }

    [Fact]
    public async Task Get_KnownAssetByHashedName_Returns200CssImmutableWithSecurityHeaders()
    {
        var assets = new Sexting.Functions.Pages.PageAssets();
        var url = assets.UrlOf("pages.css");
        var request = HttpHarness.Request("GET");

        var response = await HttpHarness.ExecuteAsync(_h.Create<PageAssetsHttp>().Get(request, url["/api/assets/".Length..]), request);

        Assert.Equal(200, response.Status);
        Assert.Equal("text/css; charset=utf-8", response.ContentType);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        AssertSecurityHeaders(response);
        Assert.Contains(".govuk-error-summary", response.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("nothing.css")]
    [InlineData("../appsettings.json")]
    [InlineData("..%2F..%2Fhost.json")]
    [InlineData("/etc/passwd")]
    [InlineData("../../../../../../etc/passwd")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Get_UnknownOrTraversingPath_Returns404(string? path)
    {
        var request = HttpHarness.Request("GET");

        var response = await HttpHarness.ExecuteAsync(_h.Create<PageAssetsHttp>().Get(request, path), request);

        Assert.Equal(404, response.Status);
        Assert.Equal("", response.Body);
        Assert.Equal("nosniff", response.Headers.XContentTypeOptions.ToString());
    }

    [Fact]
    public async Task ShowApproval_ExpiredUsedUnknownAndNoLongerAwaiting_ShowTheirOwnPages()
    {
        var awaiting = await _h.CaseAsync();
        var expired = _h.Links.Issue(awaiting.ReferralId, LinkPurpose.Authorisation, "m@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddHours(1));
        var investigated = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        var moved = _h.Links.Issue(investigated.ReferralId, LinkPurpose.Authorisation, "m@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(7));
        _h.Clock.Advance(TimeSpan.FromHours(2));
        var decided = await _h.CaseAsync();
        var used = _h.Links.Issue(decided.ReferralId, LinkPurpose.Authorisation, "m@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(7));
        await _h.Links.ConsumeAsync(used, new LinkUse(LinkUse.NewId(), decided.ReferralId, LinkPurpose.Authorisation, "authorise",
            new StaffIdentity("u", "Pat", "pat@police.example"), "m@police.example", _h.Clock.GetUtcNow(), "x", []), _h.Clock.GetUtcNow(), default);

        async Task<HttpHarness.Response> Show(string token)
        {
            var request = HttpHarness.As(HttpHarness.Request("GET"), HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall"));
            return await HttpHarness.ExecuteAsync(await _h.Create<ApprovalHttp>().ShowAsync(request, token, default), request);
        }

        var pages = new[]
        {
            (await Show(expired.Value), 410, "This link has expired"),
            (await Show(used.Value), 410, "This link has already been used"),
            (await Show("not-a-token"), 404, "This link is not recognised"),
            (await Show(moved.Value), 410, "This case no longer needs this decision"),
        };
        foreach (var (response, status, title) in pages)
        {
            Assert.Equal(status, response.Status);
            Assert.Contains("<title>" + title, response.Body, StringComparison.Ordinal);
            Assert.DoesNotContain(awaiting.CrimeReference, response.Body, StringComparison.Ordinal);
            AssertSecurityHeaders(response);
        }
    }

    [Fact]
    public async Task SubmitEducation_Valid_ShowsConfirmationPageAndUsedLinkPageAfter()
    {
        var @case = await _h.CaseAsync(CaseStatus.EducationAndIntervention);
        var token = _h.Links.Issue(@case.ReferralId, LinkPurpose.EducationDelivered, "youth@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(35));

        async Task<HttpHarness.Response> Submit()
        {
            var request = HttpHarness.As(HttpHarness.Form(("notes", "Session delivered."), ("delivered.YP1", "on")), HttpHarness.Staff("YouthOfficer Force.DevonAndCornwall", "Riley Officer", "riley@police.example"));
            return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().SubmitAsync(request, token.Value, _h.Client, default), request);
        }

        var first = await Submit();
        var second = await Submit();

        Assert.Equal(200, first.Status);
        Assert.Contains("<title>Education and intervention recorded", first.Body, StringComparison.Ordinal);
        Assert.Contains(@case.CrimeReference, first.Body, StringComparison.Ordinal);
        AssertSecurityHeaders(first);
        Assert.Equal(410, second.Status);
        Assert.Contains("<title>This link has already been used", second.Body, StringComparison.Ordinal);
    }

    // UKCIS (2020, updated March 2024), initial review: its questions on the form, in its order,
    // before the further factors of SA028 3.5.2; and no pointer to the 2016 guidance it replaced.
    [Fact]
    public async Task Show_Form_AsksTheUkcisQuestionsInTheGuidancesOrder()
    {
        var body = System.Net.WebUtility.HtmlDecode((await ShowFormAsync()).Body);

        string[] inOrder =
        [
            "A young person has been pressured, threatened or blackmailed",
            "A young person may have been groomed",
            "There are concerns about a young person’s capacity to consent",
            "The images or videos show sexual acts that are unusual for the young person’s developmental stage, or are violent",
            "A young person is at immediate risk of harm because of the sharing",
            "A significant age imbalance",
            "Anything else that makes this more serious (optional)",
        ];
        var positions = inOrder.Select(text => body.IndexOf(text, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("name=\"concerns.capacityToConsent\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"concerns.otherAggravatingFactor\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"imageryHandling.pseudoOrGeneratedImagery\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"imageryHandling.parentsInformedBySetting\"", body, StringComparison.Ordinal);
        Assert.Contains("name=\"youngPeople[0].parentCarer.safeToContact\"", body, StringComparison.Ordinal);
        Assert.Contains("Sharing nudes and semi-nudes: advice for education settings working with children and young people", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sexting in schools", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("2016", body, StringComparison.Ordinal);
    }
}
