using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Client;
using Sexting.Core.Assessment;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Staff;
using Sexting.Functions.Workflow;
using Sexting.Functions.Workspace;

namespace Sexting.Functions.Tests.Http;

/// <summary>The investigation's workspace actions (contract §9, §10).</summary>
public sealed class InvestigationHttpTests : IDisposable
{
    private static readonly StaffMember DcInvestigator = HttpHarness.Staff("Investigator Force.DevonAndCornwall", "Ivy Investigator", "ivy@dc.police.example");
    private static readonly StaffMember DcSupervisor = HttpHarness.Staff("Supervisor Force.DevonAndCornwall", "Sam Supervisor", "sam@dc.police.example");
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task Accept_ByInvestigatorOfTheForce_MovesRecordsTimelineAuditAnd303()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);

        var response = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));

        Assert.Equal(303, response.Status);
        Assert.Equal("/api/cases/" + @case.ReferralId, response.Headers.Location.ToString());
        var stored = (await _h.Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.UnderInvestigation, stored.Status);
        Assert.Equal("Ivy Investigator", stored.Investigation!.AcceptedBy);
        var entry = Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationAccepted);
        Assert.Contains("Ivy Investigator", entry.Detail, StringComparison.Ordinal);
        var audited = Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default));
        Assert.Equal(AuditActions.AcceptedInvestigation, audited.Action);
        Assert.Equal("ivy@dc.police.example", audited.Who.Email);
    }

    [Fact]
    public async Task Accept_Json_Answers200AndRaisesCaseActionToARunningV4Instance()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);

        var response = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Request("POST", "application/json", "{}", accept: "application/json"), DcInvestigator));

        Assert.Equal(200, response.Status);
        Assert.Contains("UnderInvestigation", response.Body, StringComparison.Ordinal);
        await _h.Client.Received(1).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction,
            Arg.Is<object?>(e => e is CaseActionEvent && ((CaseActionEvent)e).Action == InvestigationHttp.Accepted), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Accept_Repeated_409()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));

        var again = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));

        Assert.Equal(409, again.Status);
        Assert.Single(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Theory]
    [InlineData(null, 401)]
    [InlineData("Supervisor Force.DevonAndCornwall", 403)]
    [InlineData("Investigator Force.Dorset", 403)]
    public async Task Accept_SignedOutOrWithoutTheRoles_RefusedNothingChanged(string? roles, int status)
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        var who = roles is null ? null : HttpHarness.Staff(roles);

        var response = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), who));

        Assert.Equal(status, response.Status);
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task Accept_FromAnotherSite_403()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        var request = HttpHarness.As(HttpHarness.Form(), DcInvestigator);
        request.Headers["Origin"] = "https://evil.example";

        Assert.Equal(403, (await AcceptAsync(@case.ReferralId, request)).Status);
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
    }

    [Fact]
    public async Task Accept_UnknownCase_404()
    {
        var response = await AcceptAsync(Sexting.Core.Links.ReferralIds.NewRandom(), HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        Assert.Equal(404, response.Status);
    }

    [Fact]
    public async Task Close_WithoutOutcome400_NotUnderInvestigation409_Then303Closed()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        var blank = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", " ")), DcInvestigator));
        var tooLong = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", new string('x', InvestigationHttp.MaxTextLength + 1))), DcInvestigator));
        var twice = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged"), ("outcome", "No further action")), DcInvestigator));
        var early = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "No further action")), DcInvestigator));
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));

        var closed = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "No further action")), DcInvestigator));

        Assert.Equal(400, blank.Status);
        Assert.Equal(400, tooLong.Status);
        Assert.Equal(400, twice.Status); // which of two outcomes would be the record? Neither.
        Assert.Equal(409, early.Status);
        Assert.Equal(303, closed.Status);
        var stored = (await _h.Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal("No further action", stored.Investigation!.Outcome);
        var entry = Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationClosed);
        Assert.Contains("Ivy Investigator", entry.Detail, StringComparison.Ordinal);
        Assert.Contains(await _h.Audit.ReadAsync(@case.ReferralId, default), a => a.Action == AuditActions.ClosedInvestigation);
        // Contract §12: retention counts from the close.
        Assert.Contains(await _h.Store.GetDueAsync(DueKind.Closed, DateTimeOffset.MaxValue, default), d => d.ReferralId == @case.ReferralId);
    }

    [Fact]
    public async Task Close_TimelineWriteFails_503NothingClosedThenTheRetryCloses()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.InvestigationClosed;

        var failed = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        // The move and its entry are one write: a case is never closed without the entry that says who closed it.
        Assert.Equal(503, failed.Status);
        Assert.Equal(CaseStatus.UnderInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);

        var retried = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        Assert.Equal(303, retried.Status);
        Assert.Equal(CaseStatus.Closed, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationClosed);
        Assert.NotNull(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
    }

    [Fact]
    public async Task Close_DueEntryFailsOnce_503NothingClosedThenTheRetryClosesWithItsDueEntry()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        _h.Store.FailSetDueOnce = d => d.Kind == DueKind.Closed;

        var failed = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        // The due entry goes first (contract §12), so its failure leaves the case as it was: the page still offers the close.
        Assert.Equal(503, failed.Status);
        Assert.Equal(CaseStatus.UnderInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.DoesNotContain(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationClosed);

        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var closedAt = _h.Clock.GetUtcNow();
        var retried = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        Assert.Equal(303, retried.Status);
        var stored = (await _h.Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.Closed, stored.Status);
        Assert.Equal(closedAt, stored.Investigation!.ClosedAt);
        Assert.Equal(closedAt, _h.Store.DueOf(@case.ReferralId, DueKind.Closed)?.DueAt);
        await _h.Client.Received(1).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction, CaseAction(InvestigationHttp.Closed), Arg.Any<CancellationToken>());
    }

    // Contract §12: a close that failed after its move (here the event) and that nobody retries (the case page
    // shows it closed) is still deleted on time: its due entry was set before the move.
    [Fact]
    public async Task Close_FailsAfterTheMoveAndIsNotRetried_DueEntryAlreadyFromTheClose()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        var closedAt = _h.Clock.GetUtcNow();
        RaiseFailsOnce(@case.ReferralId, InvestigationHttp.Closed);

        var failed = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        Assert.Equal(503, failed.Status);
        Assert.Equal(CaseStatus.Closed, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Equal(closedAt, _h.Store.DueOf(@case.ReferralId, DueKind.Closed)?.DueAt);
    }

    // A close refused because the case is not under investigation leaves no due entry behind.
    [Fact]
    public async Task Close_CaseMovedAwayMeanwhile_409AndNoDueEntry()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        // A supervisor's return lands between this request's read and its move (here: as the due entry is set).
        var returned = false;
        _h.Store.FailSetDueOnce = d =>
        {
            if (!returned)
            {
                returned = true;
                _h.Store.ForceStatus(@case.ReferralId, CaseStatus.AwaitingAuthorisation);
            }

            return false;
        };

        var closing = CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));
        while (!closing.IsCompleted)
        {
            // The update conflicts and waits its back-off on the harness's clock before it reads again.
            _h.Clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(10);
        }

        Assert.Equal(409, (await closing).Status);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
    }

    [Fact]
    public async Task Close_WorkflowBackendFailsOnce_503ThenTheRetry409TellsTheWorkflow()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        RaiseFailsOnce(@case.ReferralId, InvestigationHttp.Closed);

        var failed = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));
        var retried = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        Assert.Equal(503, failed.Status);
        Assert.Equal(409, retried.Status);
        await _h.Client.Received(2).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction, CaseAction(InvestigationHttp.Closed), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Close_CaseClosedOtherwise_409NothingRepeated()
    {
        // Closed by the education delivery (§3.4.7), never by an investigator: nothing of a close to finish here.
        var @case = await _h.CaseAsync(CaseStatus.Closed);
        Running(@case.ReferralId, WorkflowVersions.Workspace);

        var response = await CloseAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("outcome", "Charged")), DcInvestigator));

        Assert.Equal(409, response.Status);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
        Assert.DoesNotContain(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationClosed);
        await _h.Client.DidNotReceive().RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Accept_WorkflowBackendFailsOnce_503ThenTheRetry409TellsTheWorkflow()
    {
        // Once the reporter has confirmed, the v4 instance waits only for this event to tell the setting (§4.3).
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        RaiseFailsOnce(@case.ReferralId, InvestigationHttp.Accepted);

        var failed = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));
        var retried = await AcceptAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(), DcInvestigator));

        Assert.Equal(503, failed.Status);
        Assert.Equal(409, retried.Status);
        Assert.Equal(CaseStatus.UnderInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.InvestigationAccepted);
        await _h.Client.Received(2).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction, CaseAction(InvestigationHttp.Accepted), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Return_WorkflowBackendFailsOnce_503ThenTheRetry409TellsTheWorkflow()
    {
        // Once the reporter has confirmed, the v4 instance waits only for this event to propose Outcome 21 (§4.4).
        var @case = await WithFactorsAsync();
        Running(@case.ReferralId, WorkflowVersions.Workspace);
        RaiseFailsOnce(@case.ReferralId, InvestigationHttp.Returned);

        var failed = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "Consensual, close in age")), DcSupervisor));
        var retried = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "Consensual, close in age")), DcSupervisor));

        Assert.Equal(503, failed.Status);
        Assert.Equal(409, retried.Status);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        await _h.Client.Received(2).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction, CaseAction(InvestigationHttp.Returned), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Return_CaseAwaitingAuthorisationOnTheEducationRoute_409NothingRaised()
    {
        // Proposed Outcome 21 from the start (no aggravating factor): never returned, so nothing to tell.
        var @case = await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);
        Running(@case.ReferralId, WorkflowVersions.Workspace);

        var response = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "why")), DcSupervisor));

        Assert.Equal(409, response.Status);
        await _h.Client.DidNotReceive().RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Return_ToRunningV4_DiscountsFactorsRouteEducation303()
    {
        var @case = await WithFactorsAsync();
        Running(@case.ReferralId, WorkflowVersions.Workspace);

        var response = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "Consensual, close in age"), ("discount", "SignificantAgeImbalance")), DcSupervisor));

        Assert.Equal(303, response.Status);
        var stored = (await _h.Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.AwaitingAuthorisation, stored.Status);
        Assert.Equal(Route.EducationAndIntervention, stored.Assessment!.Route);
        var discounted = Assert.Single(stored.Assessment.AggravatingFactors, f => f.IsDiscounted);
        Assert.Equal(AggravatingFactorCode.SignificantAgeImbalance, discounted.Code);
        Assert.Equal("Sam Supervisor", discounted.DiscountedBy);
        Assert.Equal("Consensual, close in age", discounted.Rationale);
        Assert.Equal(2, stored.Assessment.AggravatingFactors.Count);
        var entry = Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.ReturnedToOutcome21);
        Assert.Contains("Sam Supervisor", entry.Detail, StringComparison.Ordinal);
        Assert.Contains(await _h.Audit.ReadAsync(@case.ReferralId, default), a => a.Action == AuditActions.ReturnedToOutcome21);
        await _h.Client.Received(1).RaiseEventAsync(@case.ReferralId, WorkflowEvents.CaseAction, Arg.Any<object?>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData("", "SignificantAgeImbalance", 400)] // rationale required
    [InlineData("why", "Grooming", 400)] // not one of the case's factors
    [InlineData("why", "7", 400)] // not a factor code
    public async Task Return_BadForm_400NothingChanged(string rationale, string discount, int status)
    {
        var @case = await WithFactorsAsync();
        Running(@case.ReferralId, WorkflowVersions.Workspace);

        var response = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", rationale), ("discount", discount)), DcSupervisor));

        Assert.Equal(status, response.Status);
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
    }

    [Fact]
    public async Task Return_WorkflowNotARunningV4Instance_409NothingChanged()
    {
        var @case = await WithFactorsAsync();
        Running(@case.ReferralId, WorkflowVersions.FewerRoundTrips);

        var response = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "why")), DcSupervisor));

        Assert.Equal(409, response.Status);
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task Return_ByInvestigator_403()
    {
        var @case = await WithFactorsAsync();
        var response = await ReturnAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Form(("rationale", "why")), DcInvestigator));
        Assert.Equal(403, response.Status);
    }

    [Fact]
    public void VersionOf_ReadsAnyCasing_AbsentIsOriginal()
    {
        Assert.Equal(4, WorkspaceActions.VersionOf("{\"referralId\":\"x\",\"version\":4}"));
        Assert.Equal(3, WorkspaceActions.VersionOf("{\"Version\":3}"));
        Assert.Equal(WorkflowVersions.Original, WorkspaceActions.VersionOf("{\"referralId\":\"x\"}"));
    }

    private void Running(string id, int version) =>
        _h.Client.GetInstanceAsync(id, true, Arg.Any<CancellationToken>()).Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id)
        {
            RuntimeStatus = OrchestrationRuntimeStatus.Running,
            SerializedInput = "{\"referralId\":\"" + id + "\",\"version\":" + version + "}",
        });

    private static object? CaseAction(string action) =>
        Arg.Is<object?>(e => e is CaseActionEvent && ((CaseActionEvent)e).Action == action);

    /// <summary>The workflow backend answers the first raise of <paramref name="action"/> with 503, as during an outage.</summary>
    private void RaiseFailsOnce(string id, string action) =>
        _h.Client.RaiseEventAsync(id, WorkflowEvents.CaseAction, CaseAction(action), Arg.Any<CancellationToken>())
            .Returns(Task.FromException(new Azure.RequestFailedException(503, "Service unavailable")), Task.CompletedTask);

    private async Task<CaseRecord> WithFactorsAsync()
    {
        var @case = await _h.CaseAsync(CaseStatus.ReferredForInvestigation);
        var assessment = new ReferralAssessment(
            [new AggravatingFactor(AggravatingFactorCode.SignificantAgeImbalance, "Age gap", "§3.5.2"), new AggravatingFactor(AggravatingFactorCode.RepeatOffending, "Earlier referral", "§3.5.2")],
            [], Route.Investigation, null);
        return await _h.Store.UpdateAsync(@case with { Assessment = assessment }, default);
    }

    private async Task<HttpHarness.Response> AcceptAsync(string id, HttpRequest request) =>
        await HttpHarness.ExecuteAsync(await _h.Create<InvestigationHttp>().AcceptAsync(request, id, _h.Client, default), request);

    private async Task<HttpHarness.Response> CloseAsync(string id, HttpRequest request) =>
        await HttpHarness.ExecuteAsync(await _h.Create<InvestigationHttp>().CloseAsync(request, id, _h.Client, default), request);

    private async Task<HttpHarness.Response> ReturnAsync(string id, HttpRequest request) =>
        await HttpHarness.ExecuteAsync(await _h.Create<InvestigationHttp>().ReturnAsync(request, id, _h.Client, default), request);
}
