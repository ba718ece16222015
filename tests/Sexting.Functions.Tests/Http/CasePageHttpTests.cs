using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Staff;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Tests.Http;

/// <summary>Contract §10: <c>GET /api/cases/{referralId}</c>, as JSON and as the page.</summary>
public sealed class CasePageHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<HttpHarness.Response> GetAsync(string id, StaffMember? who, bool json)
    {
        var request = HttpHarness.As(HttpHarness.Request("GET", accept: json ? "application/json" : "text/html"), who);
        request.Path = "/api/cases/" + id;
        var result = await _h.Create<CasePageHttp>().RunAsync(request, id, default);
        return await HttpHarness.ExecuteAsync(result, request);
    }

    private static StaffMember Staff(string roles) => HttpHarness.Staff(roles, "Sam Reader", "sam.reader@police.example");

    // A case whose summary and a factor's reason name the young person, as a school might write them.
    private async Task<CaseRecord> CaseAsync(CaseStatus status)
    {
        var id = ReferralIds.NewRandom();
        var json = Fakes.Referrals.Json(submissionId: null).Replace("An image was shared between two pupils.", "Alex Example shared an image with a friend.", StringComparison.Ordinal);
        await _h.Store.CreateAsync(id, Fakes.Referrals.Parse(json), Fakes.Referrals.Now, default);
        var @case = (await _h.Store.GetAsync(id, default))!;
        var factors = new[]
        {
            new AggravatingFactor(AggravatingFactorCode.OtherAggravatingFactor, "Alex Example posted it to a class group", "3.5.2"),
            new AggravatingFactor(AggravatingFactorCode.UnderThirteen, "YP1 was 12", "3.5.2")
            {
                DiscountedBy = "Kim Supervisor (kim@police.example)", DiscountedAt = Fakes.Referrals.Now, Rationale = "Close in age",
            },
        };
        await _h.Store.UpdateAsync(@case with
        {
            Assessment = new ReferralAssessment(factors, [], Route.Investigation, new ProposedOutcome("Outcome 21", "Outcome 27")),
        }, default);
        _h.Store.ForceStatus(id, status);
        await _h.Store.RecordEmailAsync(id, new SentEmail(EmailKind.InvestigationReferral, "cid@dc.police.example", Fakes.Referrals.Now, "k1"), default);
        return (await _h.Store.GetAsync(id, default))!;
    }

    [Fact]
    public async Task RunAsync_PageSignedOut_RedirectsToSignIn()
    {
        var @case = await CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await GetAsync(@case.ReferralId, null, json: false);

        Assert.Equal(302, response.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/api/cases/" + @case.ReferralId, response.Headers.Location.ToString());
        Assert.DoesNotContain(@case.CrimeReference, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_JsonSignedOut_Returns401()
    {
        var @case = await CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await GetAsync(@case.ReferralId, null, json: true);

        Assert.Equal(401, response.Status);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_OtherForce_Returns403NotAudited(bool json)
    {
        var @case = await CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await GetAsync(@case.ReferralId, Staff("Investigator Force.Dorset"), json);

        Assert.Equal(403, response.Status);
        Assert.DoesNotContain(@case.CrimeReference, response.Body, StringComparison.Ordinal);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task RunAsync_UnknownCase_Returns404(bool json)
    {
        var response = await GetAsync(ReferralIds.NewRandom(), Staff("Investigator Force.DevonAndCornwall"), json);

        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task RunAsync_Read_AuditedAsReadCasePage()
    {
        var @case = await CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await GetAsync(@case.ReferralId, Staff("Prevention Force.DevonAndCornwall"), json: false);

        Assert.Equal(200, response.Status);
        var entry = Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default));
        Assert.Equal(("sam.reader@police.example", "ReadCasePage"), (entry.Who.Email, entry.Action));
    }

    [Theory]
    [InlineData("Investigator", CaseStatus.ReferredForInvestigation, "AcceptInvestigation")]
    [InlineData("Supervisor", CaseStatus.ReferredForInvestigation, "ReturnToOutcome21")]
    [InlineData("Investigator", CaseStatus.UnderInvestigation, "CloseInvestigation")]
    [InlineData("AuthorisingManager", CaseStatus.AwaitingAuthorisation, "DecideOutcome21")]
    [InlineData("AuthorisingManager", CaseStatus.ReferredForInvestigation, "")]
    [InlineData("YouthOfficer", CaseStatus.UnderInvestigation, "")]
    public async Task RunAsync_Json_ActionsPerRoleAndStatus(string role, CaseStatus status, string expected)
    {
        var @case = await CaseAsync(status);

        var response = await GetAsync(@case.ReferralId, Staff(role + " Force.DevonAndCornwall"), json: true);

        Assert.Equal(200, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        using var doc = JsonDocument.Parse(response.Body);
        var root = doc.RootElement;
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries), root.GetProperty("actions").EnumerateArray().Select(a => a.GetString()));
        var email = Assert.Single(root.GetProperty("emails").EnumerateArray());
        Assert.Equal(("InvestigationReferral", "cid@dc.police.example"), (email.GetProperty("kind").GetString(), email.GetProperty("to").GetString()));
        Assert.Equal(JsonValueKind.Null, root.GetProperty("investigation").GetProperty("acceptedBy").ValueKind);
        var discounted = root.GetProperty("aggravatingFactors").EnumerateArray().Single(f => f.GetProperty("code").GetString() == "UnderThirteen");
        Assert.Equal("Kim Supervisor (kim@police.example)", discounted.GetProperty("discountedBy").GetString());
        Assert.Equal("Close in age", discounted.GetProperty("rationale").GetString());
    }

    [Fact]
    public async Task RunAsync_Page_NoYoungPersonsNameAndTitleIsTheCrimeReference()
    {
        var @case = await CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await GetAsync(@case.ReferralId, Staff("Supervisor Investigator Force.DevonAndCornwall"), json: false);

        Assert.Equal(200, response.Status);
        Assert.Equal("no-store", response.Headers.CacheControl.ToString());
        var page = WebUtility.HtmlDecode(response.Body);
        Assert.DoesNotContain("Alex", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Sam Example", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("YP1 shared an image with a friend.", page, StringComparison.Ordinal);
        Assert.Contains("YP1 posted it to a class group", page, StringComparison.Ordinal);
        var title = page[(page.IndexOf("<title>", StringComparison.Ordinal) + 7)..page.IndexOf("</title>", StringComparison.Ordinal)];
        Assert.StartsWith(@case.CrimeReference + " – ", title, StringComparison.Ordinal);
        Assert.Contains("Discounted by Kim Supervisor (kim@police.example)", page, StringComparison.Ordinal);
        Assert.Contains("cid@dc.police.example", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/cases/{@case.ReferralId}/investigation/accept\"", page, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/cases/{@case.ReferralId}/investigation/return\"", page, StringComparison.Ordinal);
        Assert.Contains("name=\"discount\" type=\"checkbox\" value=\"UnderThirteen\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/investigation/close\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("/decision\"", page, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-notification-banner", page, StringComparison.Ordinal); // confirmed, trusted, not overdue
    }

    [Fact]
    public async Task RunAsync_PageUnconfirmedUntrustedReporter_Banner()
    {
        var @case = await CaseAsync(CaseStatus.Received);
        await _h.Store.UpdateAsync(@case with { Confirmation = new ReporterConfirmation(TrustedDomain: false, ConfirmedAt: null) }, default);

        var page = WebUtility.HtmlDecode((await GetAsync(@case.ReferralId, Staff("Prevention Force.DevonAndCornwall"), json: false)).Body);

        Assert.Contains("govuk-notification-banner", page, StringComparison.Ordinal);
        Assert.Contains("The reporter has not confirmed their email address yet", page, StringComparison.Ordinal);
        Assert.Contains("not one of the trusted school domains", page, StringComparison.Ordinal);
        Assert.Contains("Untrusted domain", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_PageForExpertAfterConsultation_AdviceForm()
    {
        var @case = await CaseAsync(CaseStatus.AwaitingAuthorisation);
        await _h.Store.AppendTimelineAsync(@case.ReferralId, new TimelineEntry(Fakes.Referrals.Now, TimelineEvent.SafeguardingExpertConsulted, "Consulted by Pat", "consulted"), default);

        var expert = await GetAsync(@case.ReferralId, Staff("SafeguardingExpert Force.DevonAndCornwall"), json: false);
        var manager = await GetAsync(@case.ReferralId, Staff("AuthorisingManager Force.DevonAndCornwall"), json: false);

        Assert.Contains($"action=\"/api/cases/{@case.ReferralId}/advice\"", expert.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"advice\"", expert.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/decision\"", expert.Body, StringComparison.Ordinal);
        Assert.Contains($"action=\"/api/cases/{@case.ReferralId}/decision\"", manager.Body, StringComparison.Ordinal);
        Assert.Contains("name=\"decision\" type=\"radio\" value=\"consult\"", manager.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("/advice\"", manager.Body, StringComparison.Ordinal);
    }
}
