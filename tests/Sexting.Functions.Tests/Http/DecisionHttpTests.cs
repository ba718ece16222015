using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Workflow;
using Sexting.Functions.Workspace;

namespace Sexting.Functions.Tests.Http;

/// <summary>The manager's decision from the case page (contract §5, §10).</summary>
public sealed class DecisionHttpTests : IDisposable
{
    private static readonly StaffMember DcManager = HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall", "Morgan Manager", "morgan@dc.police.example");
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Authorise_ByTheForcesManager_RecordsTheUseClosesTheEmailedLinksRaisesTheDecisionAnd303()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        var emailed = _h.Links.Issue(@case.ReferralId, LinkPurpose.Authorisation, "manager@dc.police.example", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk."), ("managerName", "Someone Else")), DcManager));

        Assert.Equal(303, response.Status);
        Assert.Equal("/api/cases/" + @case.ReferralId, response.Headers.Location.ToString());
        var raised = RaisedUseId(@case.ReferralId);
        var use = await _h.Links.GetUseAsync(@case.ReferralId, LinkPurpose.Authorisation, raised, default);
        Assert.NotNull(use);
        Assert.Equal(("authorise", "Morgan Manager", "morgan@dc.police.example", "Low risk."), (use.Action, use.By.Name, use.By.Email, use.Text));
        Assert.Equal(LinkState.Used, (await _h.Links.InspectAsync(emailed, LinkPurpose.Authorisation, DateTimeOffset.UnixEpoch.AddDays(1), default)).State);
        Assert.Equal(AuditActions.Authorised, Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default)).Action);
    }

    [Fact]
    public async Task Consult_IsRecordedAndTheEmailedLinkStaysValid()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        var emailed = _h.Links.Issue(@case.ReferralId, LinkPurpose.Authorisation, "manager@dc.police.example", DateTimeOffset.UnixEpoch, DateTimeOffset.MaxValue);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Request("POST", "application/json", "{\"decision\":\"consult\"}", accept: "application/json"), DcManager));

        Assert.Equal(200, response.Status);
        var use = await _h.Links.GetUseAsync(@case.ReferralId, LinkPurpose.Authorisation, RaisedUseId(@case.ReferralId), default);
        Assert.Equal("consult", use!.Action);
        Assert.Equal(LinkState.Valid, (await _h.Links.InspectAsync(emailed, LinkPurpose.Authorisation, DateTimeOffset.UnixEpoch.AddDays(1), default)).State);
        Assert.Equal(AuditActions.ConsultedExpert, Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default)).Action);
    }

    [Fact]
    public async Task SecondFinalDecision_409AndNothingMoreRaised()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "decline"), ("rationale", "Needs investigating.")), DcManager));

        var again = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Changed my mind.")), DcManager));

        Assert.Equal(409, again.Status);
        await _h.Client.Received(1).RaiseEventAsync(@case.ReferralId, WorkflowEvents.Decision, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    // Contract §10, §4.7: the decision was recorded but its event lost (503); the retry answers 409 and raises the
    // recorded decision's event again (not the retry's), so the waiting workflow is not left waiting for good.
    [Fact]
    public async Task RaiseFailedThenPostedAgain_503Then409AndTheRecordedDecisionRaisedAgain()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        _h.Running(@case.ReferralId);
        _h.FirstRaiseFails();

        var first = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "decline"), ("rationale", "Needs investigating.")), DcManager));
        var again = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Changed my mind.")), DcManager));

        Assert.Equal((503, 409), (first.Status, again.Status));
        var decided = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.Authorisation, default);
        Assert.Equal("decline", decided!.Action);
        var raised = _h.Raised(@case.ReferralId);
        Assert.Equal(2, raised.Count);
        Assert.All(raised, r => Assert.Equal((WorkflowEvents.Decision, decided.UseId), (r.Name, Assert.IsType<DecisionEvent>(r.Event).UseId)));
    }

    [Fact]
    public async Task LinksClosedAnotherWay_409AndNothingRaised()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        _h.Running(@case.ReferralId);
        await _h.Links.CloseAllAsync(@case.ReferralId, LinkPurpose.Authorisation, _h.Clock.GetUtcNow(), default);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk.")), DcManager));

        Assert.Equal(409, response.Status);
        Assert.Empty(_h.Raised(@case.ReferralId));
    }

    [Theory]
    [InlineData("authorise", "")]
    [InlineData("decline", " ")]
    [InlineData("approve", "Low risk.")]
    public async Task BadForm_400AndNothingRecorded(string decision, string rationale)
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", decision), ("rationale", rationale)), DcManager));

        Assert.Equal(400, response.Status);
        await _h.Client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task CaseNotAwaitingAuthorisation_409()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk.")), DcManager));

        Assert.Equal(409, response.Status);
        await _h.Client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    // Contract §4.4, §11: a supervisor returned the referral to the Outcome 21 route before the reporter confirmed
    // (§10); no decision is taken on the unconfirmed account, and nothing is recorded, audited or raised.
    [Fact]
    public async Task ReporterNotConfirmedYet_409NothingRecordedAuditedOrRaised()
    {
        var id = ReferralIds.NewRandom();
        await _h.Store.CreateAsync(id, Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)), Fakes.Referrals.Now, new ReporterConfirmation(true, null), default);
        _h.Store.ForceStatus(id, CaseStatus.AwaitingAuthorisation);

        var response = await DecideAsync(id, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk.")), DcManager));

        Assert.Equal(409, response.Status);
        Assert.Null(await _h.Links.GetDecisionAsync(id, LinkPurpose.Authorisation, default));
        Assert.Empty(await _h.Audit.ReadAsync(id, default));
        await _h.Client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Theory]
    [InlineData("YouthOfficer Force.DevonAndCornwall")]
    [InlineData("AuthorisingManager Force.Dorset")]
    public async Task WithoutTheRoleForTheCasesForce_403(string roles)
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk.")), HttpHarness.Staff(roles, "Pat Other", "pat@police.example")));

        Assert.Equal(403, response.Status);
        await _h.Client.DidNotReceiveWithAnyArgs().RaiseEventAsync(default!, default!, default, default);
    }

    [Fact]
    public async Task SignedOut_401()
    {
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);

        var response = await DecideAsync(@case.ReferralId, HttpHarness.Form(("decision", "authorise"), ("rationale", "Low risk.")));

        Assert.Equal(401, response.Status);
    }

    private string RaisedUseId(string referralId)
    {
        var call = Assert.Single(_h.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(DurableTaskClient.RaiseEventAsync));
        var args = call.GetArguments();
        Assert.Equal(referralId, args[0]);
        Assert.Equal(WorkflowEvents.Decision, args[1]);
        return Assert.IsType<DecisionEvent>(args[2]).UseId;
    }

    private async Task<HttpHarness.Response> DecideAsync(string id, HttpRequest request) =>
        await HttpHarness.ExecuteAsync(await _h.Create<DecisionHttp>().RunAsync(request, id, _h.Client, default), request);
}
