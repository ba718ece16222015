using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NSubstitute.ExceptionExtensions;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Links;
using Sexting.Functions.Staff;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Tests.Http;

namespace Sexting.Functions.Tests.Links;

/// <summary>
/// The order <see cref="LinkFlow"/> guarantees for every link purpose (contract §5, §9, §4.7): the
/// person before the form, the form before the case, nothing recorded for a refusal, no event without
/// a recorded use, the audit after the event.
/// </summary>
public sealed class LinkFlowTests
{
    private const string SentTo = "manager@police.example";
    private static readonly StaffMember DcManager = HttpHarness.Staff("AuthorisingManager Force.DevonAndCornwall");
    private readonly FakeTimeProvider _clock = new(Referrals.Now);
    private readonly InMemoryCaseStore _store = new();
    private readonly InMemoryLinkStore _links = new();
    private readonly InMemoryAuditLog _audit = new();
    private readonly DurableTaskClient _client = Substitute.For<DurableTaskClient>("test");
    private readonly List<string> _steps = [];
    private readonly LinkFlow _flow;

    public LinkFlowTests()
    {
        _flow = new LinkFlow(new LinkResolver(_links, _store, _clock), _links, new StaffAudit(new StepAudit(_audit, _steps), _clock), _clock, NullLogger<LinkFlow>.Instance);
        _client.RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .Returns(Task.CompletedTask)
            .AndDoes(_ => _steps.Add("event"));
    }

    private async Task<(CaseRecord Case, DecisionToken Token)> LinkAsync(CaseStatus status = CaseStatus.AwaitingAuthorisation)
    {
        var id = ReferralIds.NewRandom();
        await _store.CreateAsync(id, Referrals.Parse(Referrals.Json(submissionId: null)), Referrals.Now, default);
        _store.ForceStatus(id, status);
        var token = _links.Issue(id, LinkPurpose.Authorisation, SentTo, _clock.GetUtcNow(), _clock.GetUtcNow().AddDays(7));
        return ((await _store.GetAsync(id, default))!, token);
    }

    [Fact]
    public async Task UseAsync_FinalChoice_ConsumesThenRaisesOnlyTheUseIdThenAudits()
    {
        var (@case, token) = await LinkAsync();
        var action = new StepAction(_steps);
        bool? closedWhenRaised = null;
        _client.When(c => c.RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>()))
            .Do(_ => closedWhenRaised = _links.All.Single().ClosedAt is not null);

        var result = await _flow.UseAsync(action, token.Value, "ok", DcManager, _client, default);

        Assert.Equal(LinkOutcome.Accepted, result.Outcome);
        Assert.Equal(["validate", "prepare", "event", "audit"], _steps);
        Assert.True(closedWhenRaised, "the link was still open when the event was raised");
        var call = Assert.Single(_client.ReceivedCalls());
        Assert.Equal(@case.ReferralId, call.GetArguments()[0]);
        Assert.Equal(StepAction.Event, call.GetArguments()[1]);
        var raised = Assert.IsType<DecisionEvent>(call.GetArguments()[2]);
        var use = await _links.GetUseAsync(@case.ReferralId, LinkPurpose.Authorisation, raised.UseId, default);
        Assert.NotNull(use);
        Assert.Equal(StaffIdentity.Of(DcManager), use.By);
        Assert.Equal(SentTo, use.SentTo);
        Assert.Equal("chosen", use.Action);
        Assert.Equal(AuditActions.Authorised, Assert.Single(await _audit.ReadAsync(@case.ReferralId, default)).Action);
    }

    [Theory]
    [InlineData("AuthorisingManager Force.Dorset")]
    [InlineData("YouthOfficer Force.DevonAndCornwall")]
    public async Task UseAsync_PersonWithoutTheRoleForTheCasesForce_RefusedBeforeTheFormIsValidated(string roles)
    {
        var (@case, token) = await LinkAsync();

        var result = await _flow.UseAsync(new StepAction(_steps), token.Value, "ok", HttpHarness.Staff(roles), _client, default);

        Assert.Equal(LinkOutcome.NotPermitted, result.Outcome);
        Assert.Empty(_steps);
        await AssertNothingUsedAsync(@case);
    }

    [Fact]
    public async Task UseAsync_BadForm_RefusedBeforeTheCaseIsLookedAtAndNothingRecorded()
    {
        // The case no longer awaits, but the form is answered first: the person sees their errors.
        var (@case, token) = await LinkAsync(CaseStatus.ReferredForInvestigation);

        var result = await _flow.UseAsync(new StepAction(_steps), token.Value, "bad", DcManager, _client, default);

        Assert.Equal(LinkOutcome.BadForm, result.Outcome);
        Assert.Equal("Wrong", result.Errors["field"]);
        Assert.Equal("bad", result.Form);
        Assert.Equal(["validate"], _steps);
        await AssertNothingUsedAsync(@case);
    }

    [Fact]
    public async Task UseAsync_CaseNoLongerAwaiting_NothingPreparedUsedOrRaised()
    {
        var (@case, token) = await LinkAsync(CaseStatus.ReferredForInvestigation);

        var result = await _flow.UseAsync(new StepAction(_steps), token.Value, "ok", DcManager, _client, default);

        Assert.Equal(LinkOutcome.NoLongerAwaiting, result.Outcome);
        Assert.Equal(["validate"], _steps);
        await AssertNothingUsedAsync(@case);
    }

    [Fact]
    public async Task UseAsync_PrepareFindsTheCaseMovedOn_NothingUsedOrRaised()
    {
        var (@case, token) = await LinkAsync();

        var result = await _flow.UseAsync(new StepAction(_steps) { Prepared = _ => null }, token.Value, "ok", DcManager, _client, default);

        Assert.Equal(LinkOutcome.NoLongerAwaiting, result.Outcome);
        Assert.Equal(["validate", "prepare"], _steps);
        await AssertNothingUsedAsync(@case);
    }

    [Fact]
    public async Task UseAsync_ConsumeLostToAnotherUse_RaisesNoEventAndAuditsNothing()
    {
        var (@case, token) = await LinkAsync();
        // Another link of the referral wins between this use's checks and its consume.
        var action = new StepAction(_steps)
        {
            Prepared = c =>
            {
                _links.CloseAllAsync(c.ReferralId, LinkPurpose.Authorisation, _clock.GetUtcNow(), default).GetAwaiter().GetResult();
                return c;
            },
        };

        var result = await _flow.UseAsync(action, token.Value, "ok", DcManager, _client, default);

        Assert.Equal(LinkOutcome.Used, result.Outcome);
        Assert.Equal(["validate", "prepare"], _steps);
        Assert.Empty(_client.ReceivedCalls());
        Assert.Empty(await _audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task UseAsync_EventFails_NothingAudited()
    {
        var (@case, token) = await LinkAsync();
        _client.RaiseEventAsync(Arg.Any<string>(), Arg.Any<string>(), Arg.Any<object?>(), Arg.Any<CancellationToken>())
            .ThrowsAsync(new TimeoutException("the workflow backend is unavailable"));

        await Assert.ThrowsAsync<TimeoutException>(() => _flow.UseAsync(new StepAction(_steps), token.Value, "ok", DcManager, _client, default));

        Assert.DoesNotContain("audit", _steps);
        Assert.Empty(await _audit.ReadAsync(@case.ReferralId, default));
    }

    [Fact]
    public async Task UseAsync_ChoiceNotFinal_RecordsTheUseLeavesEveryLinkValidAndRaises()
    {
        var (@case, token) = await LinkAsync();

        var result = await _flow.UseAsync(new StepAction(_steps) { Final = false }, token.Value, "ok", DcManager, _client, default);

        Assert.Equal(LinkOutcome.Accepted, result.Outcome);
        Assert.Null(Assert.Single(_links.All).ClosedAt);
        var raised = Assert.IsType<DecisionEvent>(Assert.Single(_client.ReceivedCalls()).GetArguments()[2]);
        Assert.NotNull(await _links.GetUseAsync(@case.ReferralId, LinkPurpose.Authorisation, raised.UseId, default));
        Assert.Equal(LinkOutcome.Accepted, (await _flow.UseAsync(new StepAction(_steps), token.Value, "ok", DcManager, _client, default)).Outcome);
    }

    [Fact]
    public async Task UseAsync_NoSignInNeeded_NoPersonCheckedOrAuditedAndTheUseIsTheActionsUser()
    {
        var (@case, token) = await LinkAsync();

        var result = await _flow.UseAsync(new StepAction(_steps) { Anonymous = true }, token.Value, "ok", null, _client, default);

        Assert.Equal(LinkOutcome.Accepted, result.Outcome);
        Assert.Equal(["validate", "prepare", "event"], _steps);
        var raised = Assert.IsType<DecisionEvent>(Assert.Single(_client.ReceivedCalls()).GetArguments()[2]);
        var use = await _links.GetUseAsync(@case.ReferralId, LinkPurpose.Authorisation, raised.UseId, default);
        Assert.Equal(StepAction.Holder, use!.By);
    }

    [Fact]
    public async Task UseAsync_StaffLinkWithoutAPerson_Throws()
    {
        var (_, token) = await LinkAsync();

        await Assert.ThrowsAsync<ArgumentNullException>(() => _flow.UseAsync(new StepAction(_steps), token.Value, "ok", null, _client, default));
    }

    [Fact]
    public async Task OpenAsync_ValidLink_AuditsTheReadAndChangesNothing()
    {
        var (@case, token) = await LinkAsync();

        var lookup = await _flow.OpenAsync(new StepAction(_steps), token.Value, DcManager, default);

        Assert.Equal(LinkOutcome.Accepted, lookup.Outcome);
        Assert.Equal(["audit"], _steps);
        Assert.Equal(AuditActions.OpenedApprovalLink, Assert.Single(await _audit.ReadAsync(@case.ReferralId, default)).Action);
        await AssertNothingUsedAsync(@case, audited: true);
    }

    [Theory]
    [InlineData(CaseStatus.AwaitingAuthorisation, "AuthorisingManager Force.Dorset", LinkOutcome.NotPermitted)]
    [InlineData(CaseStatus.ReferredForInvestigation, "AuthorisingManager Force.DevonAndCornwall", LinkOutcome.NoLongerAwaiting)]
    public async Task OpenAsync_LinkThatCannotAct_NotAudited(CaseStatus status, string roles, LinkOutcome expected)
    {
        var (@case, token) = await LinkAsync(status);

        var lookup = await _flow.OpenAsync(new StepAction(_steps), token.Value, HttpHarness.Staff(roles), default);

        Assert.Equal(expected, lookup.Outcome);
        await AssertNothingUsedAsync(@case);
    }

    private async Task AssertNothingUsedAsync(CaseRecord @case, bool audited = false)
    {
        Assert.Empty(_client.ReceivedCalls());
        Assert.All(_links.All, l => Assert.Null(l.ClosedAt));
        if (!audited)
        {
            Assert.Empty(await _audit.ReadAsync(@case.ReferralId, default));
        }
    }

    /// <summary>An approval-purpose action that records which of its parts the flow called, in order.</summary>
    private sealed class StepAction(List<string> steps) : LinkAction<string>
    {
        public const string Event = "TestEvent";
        public static readonly StaffIdentity Holder = new("holder", "The link's holder", SentTo);

        public bool Final { get; init; } = true;

        public bool Anonymous { get; init; }

        public Func<CaseRecord, CaseRecord?> Prepared { get; init; } = c => c;

        public override LinkPurpose Purpose => LinkPurpose.Authorisation;

        public override StaffAction? RequiredAction => Anonymous ? null : StaffAction.DecideOutcome21;

        public override string? OpenedAuditAction => Anonymous ? null : AuditActions.OpenedApprovalLink;

        public override string EventName => Event;

        public override object EventOf(string useId) => new DecisionEvent(useId);

        public override (LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors) Validate(string form, CaseRecord @case)
        {
            steps.Add("validate");
            return form == "bad"
                ? (null, new Dictionary<string, string> { ["field"] = "Wrong" })
                : (new LinkChoice("chosen", "why", [], Anonymous ? null : AuditActions.Authorised, Final), new Dictionary<string, string>());
        }

        public override StaffIdentity UserOf(StaffMember? who, DecisionLink link) => Anonymous ? Holder : base.UserOf(who, link);

        public override Task<CaseRecord?> PrepareAsync(CaseRecord @case, DateTimeOffset at, CancellationToken cancellationToken)
        {
            steps.Add("prepare");
            return Task.FromResult(Prepared(@case));
        }
    }

    /// <summary>The audit, noting when it was written among the flow's steps.</summary>
    private sealed class StepAudit(IAuditLog inner, List<string> steps) : IAuditLog
    {
        public Task AppendAsync(string referralId, AuditEntry entry, CancellationToken cancellationToken)
        {
            steps.Add("audit");
            return inner.AppendAsync(referralId, entry, cancellationToken);
        }

        public Task<IReadOnlyList<AuditEntry>> ReadAsync(string referralId, CancellationToken cancellationToken) => inner.ReadAsync(referralId, cancellationToken);
    }
}
