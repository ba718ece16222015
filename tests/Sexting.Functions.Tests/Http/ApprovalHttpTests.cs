using System.Text.Json;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

public sealed class ApprovalHttpTests : IDisposable
{
    private const string Manager = "manager@police.example";
    private static readonly StaffMember DcManager = HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall");
    private readonly HttpHarness _h = new();
    private StaffMember? _who = DcManager;

    public void Dispose() => _h.Dispose();

    private async Task<(CaseRecord Case, DecisionToken Token)> LinkAsync(CaseStatus status = CaseStatus.AwaitingAuthorisation, TimeSpan? lifetime = null)
    {
        var @case = await _h.CaseAsync(status);
        var token = _h.Links.Issue(@case.ReferralId, LinkPurpose.Authorisation, Manager, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(7)));
        return (@case, token);
    }

    private async Task<HttpHarness.Response> ShowAsync(string token)
    {
        var request = HttpHarness.As(HttpHarness.Request("GET"), _who);
        request.Path = "/api/approvals/" + token;
        return await HttpHarness.ExecuteAsync(await _h.Create<ApprovalHttp>().ShowAsync(request, token, default), request);
    }

    private async Task<HttpHarness.Response> SubmitAsync(string token, params (string, string)[] fields) =>
        await SubmitAsync(token, null, fields);

    private async Task<HttpHarness.Response> SubmitAsync(string token, string? accept, params (string, string)[] fields)
    {
        var request = HttpHarness.As(HttpHarness.Form(fields), _who);
        if (accept is not null)
        {
            request.Headers.Accept = accept;
        }

        return await HttpHarness.ExecuteAsync(await _h.Create<ApprovalHttp>().SubmitAsync(request, token, _h.Client, default), request);
    }

    [Fact]
    public async Task ShowAsync_ValidLink_Returns200PageWithoutYoungPeoplesNamesAndChangesNothing()
    {
        var (@case, token) = await LinkAsync();

        var response = await ShowAsync(token.Value);
        var again = await ShowAsync(token.Value);

        Assert.Equal(200, response.Status);
        Assert.Equal(200, again.Status);
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        Assert.Contains(@case.CrimeReference, response.Body, StringComparison.Ordinal);
        Assert.Contains("YP1: aged 15, sent or shared it", response.Body, StringComparison.Ordinal);
        Assert.Equal("no-referrer", response.Headers["Referrer-Policy"]);
        Assert.DoesNotContain("unsafe-inline", response.Headers.ContentSecurityPolicy.ToString(), StringComparison.Ordinal);
        Assert.Contains("<form method=\"post\"", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("Sam Example", response.Body, StringComparison.Ordinal);
        Assert.All(_h.Links.All, l => Assert.Null(l.ClosedAt));
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
    }

    [Fact]
    public async Task ShowAsync_ForgedToken_Returns404()
    {
        var (_, token) = await LinkAsync();
        var forged = token.Value[..^1] + (token.Value[^1] == 'A' ? 'B' : 'A');

        Assert.Equal(404, (await ShowAsync(forged)).Status);
        Assert.Equal(404, (await ShowAsync("nonsense")).Status);
    }

    [Fact]
    public async Task ShowAsync_ExpiredLink_Returns410()
    {
        var (_, token) = await LinkAsync(lifetime: TimeSpan.FromHours(1));
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(410, (await ShowAsync(token.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_Authorise_Returns200ConsumesEveryLinkAndRaisesDecision()
    {
        var (@case, token) = await LinkAsync();
        var other = _h.Links.Issue(@case.ReferralId, LinkPurpose.Authorisation, "escalation@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(7));

        // A typed name is ignored: who decided is the signed-in person (contract §5).
        var response = await SubmitAsync(token.Value, ("decision", "authorise"), ("managerName", "Chief Constable (typed by anyone)"), ("rationale", "Proportionate"));

        Assert.Equal(200, response.Status);
        Assert.StartsWith("text/html", response.ContentType, StringComparison.Ordinal);
        var use = await RecordedUseAsync(@case.ReferralId);
        Assert.Equal("authorise", use.Action);
        Assert.Equal(StaffIdentity.Of(DcManager), use.By);
        Assert.Equal(Manager, use.SentTo);
        Assert.Equal("Proportionate", use.Text);
        Assert.Equal(410, (await SubmitAsync(token.Value, ("decision", "decline"), ("managerName", "Pat"), ("rationale", "x"))).Status);
        Assert.Equal(410, (await SubmitAsync(other.Value, ("decision", "authorise"), ("managerName", "Lee"), ("rationale", "x"))).Status);
        Assert.Equal(410, (await ShowAsync(other.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_AcceptJson_Returns200Json()
    {
        var (@case, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, "application/json", ("decision", "decline"), ("managerName", "Pat"), ("rationale", "Pattern of behaviour"));

        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal("decline", json.RootElement.GetProperty("decision").GetString());
        Assert.Equal(@case.CrimeReference, json.RootElement.GetProperty("crimeReference").GetString());
    }

    [Fact]
    public async Task SubmitAsync_Consult_Returns200RaisesEventAndLeavesLinkValid()
    {
        var (@case, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, ("decision", "consult"));

        Assert.Equal(200, response.Status);
        Assert.Equal("consult", (await RecordedUseAsync(@case.ReferralId)).Action);
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }

    [Theory]
    [InlineData("authorise", "Pat", "", "rationale")]
    [InlineData("decline", "Pat", "", "rationale")]
    [InlineData("approve", "Pat", "Fine", "decision")]
    public async Task SubmitAsync_BadForm_Returns400AndChangesNothing(string decision, string name, string rationale, string field)
    {
        var (_, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, "application/json", ("decision", decision), ("managerName", name), ("rationale", rationale));

        Assert.Equal(400, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_BadFormAsHtml_Returns400PageWithEncodedValues()
    {
        var (_, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, ("decision", "<script>x</script>"), ("rationale", "<script>x</script>"));

        Assert.Equal(400, response.Status);
        Assert.DoesNotContain("<script>", response.Body, StringComparison.Ordinal);
        Assert.Contains("There is a problem", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_UnknownOrOtherPurposeToken_Returns404()
    {
        var @case = await _h.CaseAsync();
        var education = _h.Links.Issue(@case.ReferralId, LinkPurpose.EducationDelivered, "youth@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(7));

        Assert.Equal(404, (await SubmitAsync(education.Value, ("decision", "authorise"), ("managerName", "Pat"), ("rationale", "x"))).Status);
        Assert.Equal(404, (await SubmitAsync(DecisionToken.Issue(@case.ReferralId).Value, ("decision", "authorise"), ("managerName", "Pat"), ("rationale", "x"))).Status);
    }

    [Fact]
    public async Task SubmitAsync_ExpiredLink_Returns410()
    {
        var (_, token) = await LinkAsync(lifetime: TimeSpan.FromHours(1));
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(410, (await SubmitAsync(token.Value, ("decision", "authorise"), ("managerName", "Pat"), ("rationale", "x"))).Status);
    }

    [Fact]
    public async Task SubmitAsync_CaseNoLongerAwaitingDecision_Returns410AndDoesNotConsume()
    {
        var (@case, token) = await LinkAsync(CaseStatus.ReferredForInvestigation);

        var response = await SubmitAsync(token.Value, ("decision", "authorise"), ("managerName", "Pat"), ("rationale", "x"));

        Assert.Equal(410, response.Status);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All.Where(l => l.ReferralId == @case.ReferralId), l => Assert.Null(l.ClosedAt));
    }

    [Fact]
    public async Task SubmitAsync_ConcurrentAuthorisations_ExactlyOneWins()
    {
        var (@case, token) = await LinkAsync();
        var other = _h.Links.Issue(@case.ReferralId, LinkPurpose.Authorisation, "escalation@police.example", _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow().AddDays(7));

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            SubmitAsync((i % 2 == 0 ? token : other).Value, ("decision", "authorise"), ("managerName", "Pat"), ("rationale", "x"))));

        Assert.Single(results, r => r.Status == 200);
        Assert.Equal(7, results.Count(r => r.Status == 410));
    }

    // Contract §2, §5 (v2): format and separator characters refused in staff forms too (a
    // manager's name with U+202E was stored in the timeline before), and a repeated field is a bad form.
    [Theory]
    [InlineData("Fine \u202Ereally", "rationale")]
    [InlineData("Fine\u200Breally", "rationale")]
    [InlineData("Fine\u2028Really", "rationale")]
    [InlineData("Fine \u2066isolated\u2069", "rationale")]
    public async Task SubmitAsync_FormatOrSeparatorCharacter_Returns400AndChangesNothing(string rationale, string field)
    {
        var (_, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, "application/json", ("decision", "authorise"), ("rationale", rationale));

        Assert.Equal(400, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty(field, out _));
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_DecisionSentTwice_Returns400AndChangesNothing()
    {
        var (_, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, "application/json", ("decision", "decline"), ("decision", "authorise"), ("rationale", "Fine"));

        Assert.Equal(400, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("decision", out _));
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    // Contract §3 (v2): the manager sees every factor's reason and source on the page.
    [Fact]
    public async Task ShowAsync_CaseWithFactors_EachFactorWithReasonAndSourceAndEveryCheck()
    {
        var (@case, token) = await LinkAsync();
        var factors = new[]
        {
            new Sexting.Core.Assessment.AggravatingFactor(Sexting.Core.Assessment.AggravatingFactorCode.AtypicalOrViolentActs, "The setting reported sexual acts unusual for the young person's developmental stage, or violent acts", "UKCIS 2024, initial review"),
            new Sexting.Core.Assessment.AggravatingFactor(Sexting.Core.Assessment.AggravatingFactorCode.OtherAggravatingFactor, "Alex Example posted it to a class group", "3.5.2"),
        };
        var assessment = new Sexting.Core.Assessment.ReferralAssessment(factors, [], Sexting.Core.Assessment.Route.EducationAndIntervention, new Sexting.Core.Assessment.ProposedOutcome("Outcome 21", "Outcome 27"));
        await _h.Store.UpdateAsync(@case with { Assessment = assessment }, default);

        var page = System.Net.WebUtility.HtmlDecode((await ShowAsync(token.Value)).Body);

        Assert.Contains("Sexual acts unusual for the young person's developmental stage, or violent acts (UKCIS 2024, initial review):", page, StringComparison.Ordinal);
        Assert.Contains("Another aggravating factor given by the setting (SA028 §3.5.2):", page, StringComparison.Ordinal);
        Assert.Contains("YP1 posted it to a class group", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex Example", page, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Concerns about a young person's capacity to consent (UKCIS 2024, initial review): not found", page, StringComparison.Ordinal);
        Assert.Contains("Repeat offending (SA028 §3.5.2): not found", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowAsync_SignedOut_RedirectsToSignInAndBack()
    {
        var (_, token) = await LinkAsync();
        _who = null;

        var response = await ShowAsync(token.Value);

        Assert.Equal(302, response.Status);
        Assert.Equal("/.auth/login/aad?post_login_redirect_uri=/api/approvals/" + token.Value, response.Headers.Location.ToString());
    }

    [Fact]
    public async Task SubmitAsync_SignedOut_Returns401AndChangesNothing()
    {
        var (@case, token) = await LinkAsync();
        _who = null;

        var response = await SubmitAsync(token.Value, ("decision", "authorise"), ("rationale", "x"));

        Assert.Equal(401, response.Status);
        await AssertNothingChangedAsync(@case, token);
    }

    public static TheoryData<string> NotThisCasesManager() =>
    [
        "YouthOfficer Force.DevonAndCornwall",
        "AuthorisingManager Force.Dorset",
        "AuthorisingManager",
        "Administrator Supervisor Investigator Force.DevonAndCornwall",
    ];

    [Theory]
    [MemberData(nameof(NotThisCasesManager))]
    public async Task ShowAndSubmit_WithoutTheRoleForTheCasesForce_Return403AndChangeNothing(string roles)
    {
        var (@case, token) = await LinkAsync();
        _who = HttpHarness.Staff(roles, "Robin Other", "robin@police.example");

        var show = await ShowAsync(token.Value);
        var submit = await SubmitAsync(token.Value, ("decision", "authorise"), ("rationale", "x"));
        var json = await SubmitAsync(token.Value, "application/json", ("decision", "authorise"), ("rationale", "x"));

        Assert.Equal(403, show.Status);
        Assert.DoesNotContain(@case.CrimeReference, show.Body, StringComparison.Ordinal);
        Assert.Equal(403, submit.Status);
        Assert.Equal(403, json.Status);
        await AssertNothingChangedAsync(@case, token);
    }

    [Theory]
    [InlineData("Origin", "https://evil.example")]
    [InlineData("Sec-Fetch-Site", "cross-site")]
    public async Task SubmitAsync_FromAnotherSite_Returns403AndChangesNothing(string header, string value)
    {
        var (@case, token) = await LinkAsync();
        var request = HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "x")), DcManager);
        request.Headers[header] = value;

        var response = await HttpHarness.ExecuteAsync(await _h.Create<ApprovalHttp>().SubmitAsync(request, token.Value, _h.Client, default), request);

        Assert.Equal(403, response.Status);
        await AssertNothingChangedAsync(@case, token);
    }

    /// <summary>The use the app recorded, found through the id the raised event carries: the event carries nothing else.</summary>
    // Contract §5, §4.7: the decision was recorded but its event lost (503); the retry finds the link used, answers
    // 410 and raises the recorded decision's event again, so the waiting workflow is not left waiting for good.
    [Fact]
    public async Task SubmitAsync_RaiseFailedThenPostedAgain_503Then410AndTheRecordedDecisionRaisedAgain()
    {
        var (@case, token) = await LinkAsync();
        _h.Running(@case.ReferralId);
        _h.FirstRaiseFails();

        Assert.Equal(503, (await SubmitAsync(token.Value, ("decision", "authorise"), ("rationale", "Low risk."))).Status);
        Assert.Equal(410, (await SubmitAsync(token.Value, ("decision", "authorise"), ("rationale", "Low risk."))).Status);

        var decided = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.Authorisation, default);
        Assert.NotNull(decided);
        Assert.Equal("authorise", decided.Action);
        Assert.All(_h.Raised(@case.ReferralId), r => Assert.Equal((WorkflowEvents.Decision, decided.UseId), (r.Name, Assert.IsType<DecisionEvent>(r.Event).UseId)));
        Assert.Equal(2, _h.Raised(@case.ReferralId).Count);
    }

    [Fact]
    public async Task SubmitAsync_UsedLinkWithNoRecordedDecision_410AndNothingRaised()
    {
        var (@case, token) = await LinkAsync();
        _h.Running(@case.ReferralId);
        await _h.Links.CloseAllAsync(@case.ReferralId, LinkPurpose.Authorisation, _h.Clock.GetUtcNow(), default);

        Assert.Equal(410, (await SubmitAsync(token.Value, ("decision", "authorise"), ("rationale", "Low risk."))).Status);

        Assert.Empty(_h.Raised(@case.ReferralId));
    }

    // A decision of an earlier round (declined, acted on, the case returned to Outcome 21 and asked for again) is
    // not raised again: the new round's wait would take it for its own decision.
    [Fact]
    public async Task SubmitAsync_UsedLinkDecidedBeforeTheLatestRequest_410AndNothingRaised()
    {
        var (@case, token) = await LinkAsync();
        Assert.Equal(200, (await SubmitAsync(token.Value, ("decision", "decline"), ("rationale", "Investigate."))).Status);
        _h.Client.ClearReceivedCalls();
        _h.Running(@case.ReferralId);
        _h.Clock.Advance(TimeSpan.FromDays(3));
        await _h.Store.AppendTimelineAsync(@case.ReferralId,
            new TimelineEntry(_h.Clock.GetUtcNow(), TimelineEvent.AuthorisationRequested, "Outcome 21 proposed again", "request-2"), default);

        Assert.Equal(410, (await SubmitAsync(token.Value, ("decision", "decline"), ("rationale", "Investigate."))).Status);

        Assert.Empty(_h.Raised(@case.ReferralId));
    }

    private async Task<LinkUse> RecordedUseAsync(string referralId)
    {
        var call = Assert.Single(_h.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(_h.Client.RaiseEventAsync));
        var raised = Assert.IsType<DecisionEvent>(call.GetArguments()[2]);
        var use = await _h.Links.GetUseAsync(referralId, LinkPurpose.Authorisation, raised.UseId, default);
        Assert.NotNull(use);
        return use;
    }

    private async Task AssertNothingChangedAsync(CaseRecord @case, DecisionToken token)
    {
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All.Where(l => l.ReferralId == @case.ReferralId), l => Assert.Null(l.ClosedAt));
        _who = DcManager;
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }
}
