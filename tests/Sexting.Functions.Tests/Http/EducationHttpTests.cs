using Microsoft.DurableTask.Client;
using NSubstitute.ExceptionExtensions;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Education;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

public sealed class EducationHttpTests : IDisposable
{
    private const string Youth = "youth@police.example";
    private static readonly StaffMember DcOfficer = HttpHarness.Staff("YouthOfficer Force.DevonAndCornwall", "Chris Officer", "chris.officer@dc.police.example");
    private readonly HttpHarness _h = new();
    private StaffMember? _who = DcOfficer;

    public void Dispose() => _h.Dispose();

    private async Task<(CaseRecord Case, DecisionToken Token)> LinkAsync(CaseStatus status = CaseStatus.EducationAndIntervention, TimeSpan? lifetime = null)
    {
        var @case = await _h.CaseAsync(status);
        var token = _h.Links.Issue(@case.ReferralId, LinkPurpose.EducationDelivered, Youth, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(35)));
        return (@case, token);
    }

    private async Task<HttpHarness.Response> ShowAsync(string token)
    {
        var request = HttpHarness.As(HttpHarness.Request("GET"), _who);
        return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().ShowAsync(request, token, default), request);
    }

    private async Task<HttpHarness.Response> SubmitAsync(string token, params (string, string)[] fields)
    {
        var request = HttpHarness.As(HttpHarness.Form(fields), _who);
        return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().SubmitAsync(request, token, _h.Client, default), request);
    }

    [Fact]
    public async Task ShowAsync_ValidLink_Returns200AndChangesNothing()
    {
        var (_, token) = await LinkAsync();

        var response = await ShowAsync(token.Value);

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain("Alex", response.Body, StringComparison.Ordinal);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All, l => Assert.Null(l.ClosedAt));
    }

    // Issue 22 (workflow v6): the POST closes the case itself; the orchestration ended at the fan-out.
    [Fact]
    public async Task SubmitAsync_Delivered_Returns200ClosesTheCaseRaisesNothingThen410()
    {
        var (@case, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, ("officerName", "Typed Name Ignored"), ("notes", "Session held"), ("delivered.YP1", "on"));

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain(_h.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(_h.Client.RaiseEventAsync));
        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        Assert.NotNull(use);
        Assert.Equal(StaffIdentity.Of(DcOfficer), use.By);
        Assert.Equal(Youth, use.SentTo);
        Assert.Equal("Session held", use.Text);
        Assert.Equal(["YP1"], use.Delivered);
        await AssertClosedByAsync(@case.ReferralId, use);
        Assert.Equal(410, (await SubmitAsync(token.Value, ("notes", "again"))).Status);
        Assert.Equal(410, (await ShowAsync(token.Value)).Status);
        Assert.Single(await _h.Store.GetTimelineAsync(@case.ReferralId, default), t => t.Event == TimelineEvent.EducationDelivered);
    }

    // Issue 22: an instance of v5 or earlier, deployed before v6 and still waiting for the delivery, gets the
    // event naming only the use (contract §4.7); its activity then finds the case closed.
    [Theory]
    [InlineData(WorkflowVersions.OneActivityPerStep, true)]
    [InlineData(WorkflowVersions.Original, true)]
    [InlineData(WorkflowVersions.DeliveryByTheLink, false)]
    public async Task SubmitAsync_InstanceStillRunning_EventOnlyForAVersionThatWaitsForIt(int version, bool raised)
    {
        var (@case, token) = await LinkAsync();
        _h.Client.GetInstanceAsync(@case.ReferralId, true, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), @case.ReferralId)
            {
                RuntimeStatus = OrchestrationRuntimeStatus.Running,
                SerializedInput = "{\"referralId\":\"" + @case.ReferralId + "\",\"version\":" + version + "}",
            });

        Assert.Equal(200, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);

        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        await AssertClosedByAsync(@case.ReferralId, use!);
        var calls = _h.Client.ReceivedCalls().Where(c => c.GetMethodInfo().Name == nameof(_h.Client.RaiseEventAsync)).ToList();
        if (!raised)
        {
            Assert.Empty(calls);
            return;
        }

        var call = Assert.Single(calls);
        Assert.Equal(WorkflowEvents.EducationDelivered, call.GetArguments()[1]);
        Assert.Equal(use!.UseId, Assert.IsType<EducationDeliveredEvent>(call.GetArguments()[2]).UseId);
    }

    // Issue 22: an instance of v5 still waits for the delivery; its event was lost (503). The retry answers 410
    // and raises the recorded delivery's event again.
    [Fact]
    public async Task SubmitAsync_RaiseToAnEarlierVersionFailedThenPostedAgain_503Then410AndTheRecordedUseRaisedAgain()
    {
        var (@case, token) = await LinkAsync();
        _h.Running(@case.ReferralId, WorkflowVersions.OneActivityPerStep);
        _h.FirstRaiseFails();

        Assert.Equal(503, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);
        Assert.Equal(410, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);

        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        await AssertClosedByAsync(@case.ReferralId, use!);
        var raised = _h.Raised(@case.ReferralId);
        Assert.Equal(2, raised.Count);
        Assert.All(raised, r => Assert.Equal((WorkflowEvents.EducationDelivered, use!.UseId), (r.Name, Assert.IsType<EducationDeliveredEvent>(r.Event).UseId)));
    }

    // Issue 22 (v6): once the case is closed the delivery is recorded; a workflow backend that cannot be asked
    // whether an older instance waits does not make it a 503 (the event could not have been raised either).
    [Fact]
    public async Task SubmitAsync_WorkflowBackendDownAfterTheClose_Returns200AndTheCaseIsClosed()
    {
        var (@case, token) = await LinkAsync();
        _h.Client.GetInstanceAsync(@case.ReferralId, true, Arg.Any<CancellationToken>())
            .ThrowsAsync(new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "sidecar down")));

        Assert.Equal(200, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);

        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        await AssertClosedByAsync(@case.ReferralId, use!);
        Assert.DoesNotContain(_h.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(_h.Client.RaiseEventAsync));
    }

    // Issue 22 (v6): the link is used, then the case cannot be written: 503. The use stands in the link store;
    // POSTing the link again records that use (not the second form) and answers 410.
    [Fact]
    public async Task SubmitAsync_CaseWriteFailsAfterTheLinkWasUsed_503ThenPostedAgainRecordsTheFirstUseAnd410()
    {
        var (@case, token) = await LinkAsync();
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.EducationDelivered;

        Assert.Equal(503, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);
        Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Equal(410, (await ShowAsync(token.Value)).Status);
        Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);

        Assert.Equal(410, (await SubmitAsync(token.Value, ("notes", "Posted again"))).Status);

        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        Assert.Equal("Session held", use!.Text);
        await AssertClosedByAsync(@case.ReferralId, use);
        Assert.Equal("Session held", (await _h.Store.GetAsync(@case.ReferralId, default))!.Education!.Notes);
    }

    // Contract §12: the case is closed, then its Closed due entry cannot be written (503). The link POSTed again finds
    // the case closed and sets that entry, from the delivery's time (not the retry's), so retention deletes the case.
    [Fact]
    public async Task SubmitAsync_DueEntryFailsAfterTheClose_503ThenPostedAgainSetsTheClosedEntryAtTheDeliveryAnd410()
    {
        var (@case, token) = await LinkAsync();
        await _h.Store.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, _h.Clock.GetUtcNow() + TimeSpan.FromDays(28)), default);
        _h.Store.FailSetDueOnce = d => d.Kind == DueKind.Closed;

        Assert.Equal(503, (await SubmitAsync(token.Value, ("notes", "Session held"), ("delivered.YP1", "on"))).Status);
        Assert.Equal(CaseStatus.Closed, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
        _h.Clock.Advance(TimeSpan.FromMinutes(5));

        Assert.Equal(410, (await SubmitAsync(token.Value, ("notes", "Posted again"))).Status);

        var use = await _h.Links.GetDecisionAsync(@case.ReferralId, LinkPurpose.EducationDelivered, default);
        Assert.Equal("Session held", use!.Text);
        Assert.Equal(use.At, _h.Store.DueOf(@case.ReferralId, DueKind.Closed)?.DueAt);
        await AssertClosedByAsync(@case.ReferralId, use);
    }

    // The recovery is a change to the case: only for a person who may act on its force (contract §9).
    [Theory]
    [InlineData("YouthOfficer Force.Dorset", 410)]
    [InlineData("AuthorisingManager Force.DevonAndCornwall", 403)]
    public async Task SubmitAsync_UsedLinkPostedAgainByAnotherForceOrRole_NothingRecorded(string roles, int status)
    {
        var (@case, token) = await LinkAsync();
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.EducationDelivered;
        Assert.Equal(503, (await SubmitAsync(token.Value, ("notes", "Session held"))).Status);
        _who = HttpHarness.Staff(roles, "Robin Other", "robin@police.example");

        Assert.Equal(status, (await SubmitAsync(token.Value, ("notes", "x"))).Status);

        Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.Store.GetAsync(@case.ReferralId, default))!.Status);
    }

    private async Task AssertClosedByAsync(string referralId, LinkUse use)
    {
        var closed = (await _h.Store.GetAsync(referralId, default))!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(use.At, closed.Education!.DeliveredAt);
        Assert.Equal(use.By.ToString(), closed.Education.DeliveredBy);
        Assert.Null(_h.Store.DueOf(referralId, DueKind.Education));
        Assert.Equal(use.At, _h.Store.DueOf(referralId, DueKind.Closed)!.DueAt);
        var entry = Assert.Single(await _h.Store.GetTimelineAsync(referralId, default), t => t.Event == TimelineEvent.EducationDelivered);
        Assert.Contains(use.By.Name, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitAsync_YoungPersonNotOfThisCase_Returns400()
    {
        var (_, token) = await LinkAsync();

        Assert.Equal(400, (await SubmitAsync(token.Value, ("notes", "x"), ("delivered.YP7", "on"))).Status);
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    [Theory]
    [InlineData(null, 302, 401)]
    [InlineData("AuthorisingManager Force.DevonAndCornwall", 403, 403)]
    [InlineData("YouthOfficer Force.Dorset", 403, 403)]
    public async Task ShowAndSubmit_NotTheCasesYouthOfficer_RefusedAndNothingChanges(string? roles, int show, int submit)
    {
        var (_, token) = await LinkAsync();
        _who = roles is null ? null : HttpHarness.Staff(roles, "Robin Other", "robin@police.example");

        Assert.Equal(show, (await ShowAsync(token.Value)).Status);
        Assert.Equal(submit, (await SubmitAsync(token.Value, ("notes", "x"))).Status);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All, l => Assert.Null(l.ClosedAt));
    }

    [Fact]
    public async Task SubmitAsync_ForgedToken_Returns404()
    {
        var @case = await _h.CaseAsync();

        Assert.Equal(404, (await SubmitAsync(DecisionToken.Issue(@case.ReferralId).Value, ("notes", "x"))).Status);
        Assert.Equal(404, (await ShowAsync("x.y")).Status);
    }

    [Fact]
    public async Task SubmitAsync_ExpiredLinkOrClosedCase_Returns410()
    {
        var (_, expired) = await LinkAsync(lifetime: TimeSpan.FromHours(1));
        var (_, closed) = await LinkAsync(CaseStatus.Closed);
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(410, (await SubmitAsync(expired.Value, ("notes", "x"))).Status);
        Assert.Equal(410, (await SubmitAsync(closed.Value, ("notes", "x"))).Status);
    }

    // Contract §2, §5 (v2): a staff form with a field sent twice, or notes with a zero-width or
    // bidirectional character, is a bad form: nothing recorded.
    [Theory]
    [InlineData("notes", "Session held", "notes", "Other notes")]
    [InlineData("delivered.YP1", "on", "delivered.YP1", "on")]
    [InlineData("notes", "Delivered \u202Ereversed", null, null)]
    [InlineData("notes", "Delivered\u200B", null, null)]
    public async Task SubmitAsync_RepeatedFieldOrRefusedCharacter_Returns400AndChangesNothing(string field, string value, string? again, string? againValue)
    {
        var (_, token) = await LinkAsync();
        var fields = new List<(string, string)> { ("notes", "Session held") };
        fields.RemoveAll(f => f.Item1 == field);
        fields.Add((field, value));
        if (again is not null)
        {
            fields.Add((again, againValue!));
        }

        var response = await SubmitAsync(token.Value, [.. fields]);

        Assert.Equal(400, response.Status);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }
}
