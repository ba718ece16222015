using System.Text.Json;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Tests.Http;

public sealed class CaseListHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public CaseListHttpTests() => _h.Store.Now = () => _h.Clock.GetUtcNow();

    public void Dispose() => _h.Dispose();

    private static readonly string[] PersonalData =
        ["Alex Example", "Sam Example", "Jo Bloggs", "Exe Valley", "exevalley", "family.example", "An image was shared", "01392"];

    private async Task<HttpHarness.Response> GetAsync(string query, Sexting.Core.Staff.StaffMember? who, bool json = true)
    {
        var request = HttpHarness.As(HttpHarness.Request("GET", accept: json ? "application/json" : "text/html"), who);
        request.Path = "/api/cases";
        request.QueryString = new Microsoft.AspNetCore.Http.QueryString(query);
        var result = await _h.Create<CaseListHttp>().RunAsync(request, default);
        return await HttpHarness.ExecuteAsync(result, request);
    }

    private async Task<CaseRecord> CaseAsync(ForceArea force, int minutes = 0, ReporterConfirmation? confirmation = null)
    {
        var referral = Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)) with { ForceArea = force };
        return (await _h.Store.CreateAsync(ReferralIds.NewRandom(), referral, Fakes.Referrals.Now.AddMinutes(minutes), confirmation, default)).Case;
    }

    [Fact]
    public async Task RunAsync_SignedOutJson_Returns401()
    {
        await CaseAsync(ForceArea.DevonAndCornwall);

        var response = await GetAsync("", null);

        Assert.Equal(401, response.Status);
        Assert.DoesNotContain("DC-2026", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_SignedOutPage_RedirectsToSignIn()
    {
        var response = await GetAsync("?status=Received", null, json: false);

        Assert.Equal(302, response.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/api/cases%3Fstatus%3DReceived", response.Headers.Location.ToString());
    }

    [Fact]
    public async Task RunAsync_ForceRoleWithoutAnyRole_Returns403()
    {
        var response = await GetAsync("", HttpHarness.Staff("Force.DevonAndCornwall"));

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task RunAsync_OtherForcesCases_NotListed()
    {
        var dorset = await CaseAsync(ForceArea.Dorset);
        var devon = await CaseAsync(ForceArea.DevonAndCornwall, 1);

        var response = await GetAsync("", HttpHarness.Staff("Investigator Force.Dorset"));

        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        var ids = json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("referralId").GetString()).ToList();
        Assert.Equal([dorset.ReferralId], ids);
        Assert.DoesNotContain(devon.CrimeReference, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_NoForceRole_EmptyList()
    {
        await CaseAsync(ForceArea.DevonAndCornwall);

        var response = await GetAsync("", HttpHarness.Staff("Investigator"));

        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(0, json.RootElement.GetProperty("cases").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("next").ValueKind);
    }

    [Theory]
    [InlineData("?status=Open")]
    [InlineData("?status=1")]
    [InlineData("?status=received")]
    [InlineData("?q=Alex%20Example")]
    [InlineData("?pageSize=0")]
    [InlineData("?next=not-a-token")]
    public async Task RunAsync_BadFilter_Returns400(string query)
    {
        await CaseAsync(ForceArea.DevonAndCornwall);

        var response = await GetAsync(query, HttpHarness.Staff("Investigator Force.DevonAndCornwall"));

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Json_ContractShapeCamelCaseNewestFirstWithFlags()
    {
        var older = await CaseAsync(ForceArea.DevonAndCornwall, 0, new ReporterConfirmation(TrustedDomain: false, ConfirmedAt: null));
        var newer = await CaseAsync(ForceArea.DevonAndCornwall, 1);
        var read = (await _h.Store.GetAsync(newer.ReferralId, default))!;
        await _h.Store.UpdateAsync(read.MoveTo(CaseStatus.AwaitingAuthorisation) with { Assessment = new ReferralAssessment([], [], Route.EducationAndIntervention, null) }, default);
        _h.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1)); // past Approval:ReminderAfter (1 day)

        var response = await GetAsync("", HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall"));

        Assert.Equal(200, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(["cases", "next"], json.RootElement.EnumerateObject().Select(p => p.Name));
        var cases = json.RootElement.GetProperty("cases").EnumerateArray().ToList();
        Assert.Equal(2, cases.Count);
        Assert.Equal(
            ["referralId", "crimeReference", "forceArea", "status", "route", "receivedAt", "reporterConfirmed", "trustedDomain", "overdue"],
            cases[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(newer.ReferralId, cases[0].GetProperty("referralId").GetString());
        Assert.Equal(newer.CrimeReference, cases[0].GetProperty("crimeReference").GetString());
        Assert.Equal("DevonAndCornwall", cases[0].GetProperty("forceArea").GetString());
        Assert.Equal("AwaitingAuthorisation", cases[0].GetProperty("status").GetString());
        Assert.Equal("EducationAndIntervention", cases[0].GetProperty("route").GetString());
        Assert.Equal(newer.ReceivedAt, cases[0].GetProperty("receivedAt").GetDateTimeOffset());
        Assert.True(cases[0].GetProperty("reporterConfirmed").GetBoolean());
        Assert.True(cases[0].GetProperty("trustedDomain").GetBoolean());
        Assert.True(cases[0].GetProperty("overdue").GetBoolean());
        Assert.Equal(older.ReferralId, cases[1].GetProperty("referralId").GetString());
        Assert.Equal(JsonValueKind.Null, cases[1].GetProperty("route").ValueKind);
        Assert.False(cases[1].GetProperty("reporterConfirmed").GetBoolean());
        Assert.False(cases[1].GetProperty("trustedDomain").GetBoolean());
        Assert.False(cases[1].GetProperty("overdue").GetBoolean());
        foreach (var personal in PersonalData)
        {
            Assert.DoesNotContain(personal, response.Body, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task RunAsync_AwaitingWithinReminderAfter_NotOverdue()
    {
        var @case = await CaseAsync(ForceArea.DevonAndCornwall);
        await _h.Store.UpdateAsync(@case.MoveTo(CaseStatus.AwaitingAuthorisation), default);
        _h.Clock.Advance(TimeSpan.FromHours(23));

        var response = await GetAsync("?status=AwaitingAuthorisation", HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall"));

        using var json = JsonDocument.Parse(response.Body);
        Assert.False(json.RootElement.GetProperty("cases")[0].GetProperty("overdue").GetBoolean());
    }

    [Fact]
    public async Task RunAsync_StatusAndSearch_Filter()
    {
        var first = await CaseAsync(ForceArea.DevonAndCornwall, 0);
        var second = await CaseAsync(ForceArea.DevonAndCornwall, 1);
        var dorset = await CaseAsync(ForceArea.Dorset, 2);
        await _h.Store.UpdateAsync(second.MoveTo(CaseStatus.AwaitingAuthorisation), default);
        var staff = HttpHarness.Staff("Investigator Force.DevonAndCornwall Force.Dorset");

        var awaiting = await GetAsync("?status=AwaitingAuthorisation", staff);
        var search = await GetAsync("?q=" + first.CrimeReference.ToLowerInvariant(), staff);
        var dorsetOnly = await GetAsync("?q=do-", staff);

        Assert.Equal([second.ReferralId], Ids(awaiting));
        Assert.Equal([first.ReferralId], Ids(search));
        Assert.Equal([dorset.ReferralId], Ids(dorsetOnly));
    }

    [Fact]
    public async Task RunAsync_PageSize_PagesWithNext()
    {
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 3; i++)
        {
            cases.Add(await CaseAsync(ForceArea.DevonAndCornwall, i));
        }

        var staff = HttpHarness.Staff("Investigator Force.DevonAndCornwall");
        var first = await GetAsync("?pageSize=2", staff);
        using var json = JsonDocument.Parse(first.Body);
        var next = json.RootElement.GetProperty("next").GetString();
        var second = await GetAsync("?pageSize=2&next=" + Uri.EscapeDataString(next!), staff);

        Assert.Equal([cases[2].ReferralId, cases[1].ReferralId], Ids(first));
        Assert.Equal([cases[0].ReferralId], Ids(second));
    }

    [Fact]
    public async Task RunAsync_Page_TableOfCrimeReferencesAndFlagsWithoutPersonalData()
    {
        var unconfirmed = await CaseAsync(ForceArea.DevonAndCornwall, 0, new ReporterConfirmation(TrustedDomain: false, ConfirmedAt: null));
        var awaiting = await CaseAsync(ForceArea.DevonAndCornwall, 1);
        await _h.Store.UpdateAsync(awaiting.MoveTo(CaseStatus.AwaitingAuthorisation), default);
        _h.Clock.Advance(TimeSpan.FromDays(2));

        var response = await GetAsync("?pageSize=1", HttpHarness.Staff("Investigator Force.DevonAndCornwall", name: "Pat Investigator"), json: false);

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        Assert.Contains("<title>Cases – ", response.Body, StringComparison.Ordinal);
        Assert.Contains($"href=\"/api/cases/{awaiting.ReferralId}\">{awaiting.CrimeReference}</a>", response.Body, StringComparison.Ordinal);
        Assert.Contains("Overdue</strong>", response.Body, StringComparison.Ordinal);
        Assert.Contains("Awaiting authorisation", response.Body, StringComparison.Ordinal);
        Assert.Contains("Signed in as Pat Investigator", response.Body, StringComparison.Ordinal);
        Assert.Contains("Development sign-in", response.Body, StringComparison.Ordinal);
        Assert.Contains("rel=\"next\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(unconfirmed.CrimeReference, response.Body, StringComparison.Ordinal);
        foreach (var personal in PersonalData)
        {
            Assert.DoesNotContain(personal, response.Body, StringComparison.OrdinalIgnoreCase);
        }

        var page2 = await GetAsync("?pageSize=1&next=1", HttpHarness.Staff("Investigator Force.DevonAndCornwall"), json: false);
        Assert.Contains(unconfirmed.CrimeReference, page2.Body, StringComparison.Ordinal);
        Assert.Contains("Reporter not confirmed</strong>", page2.Body, StringComparison.Ordinal);
        Assert.Contains("Untrusted domain</strong>", page2.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Overdue</strong>", page2.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", page2.Body, StringComparison.Ordinal);
    }

    private static List<string?> Ids(HttpHarness.Response response)
    {
        using var json = JsonDocument.Parse(response.Body);
        return [.. json.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("referralId").GetString())];
    }
}
