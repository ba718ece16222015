using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Cases;
using Sexting.Functions.Links;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;
using Sexting.Functions.Workspace;

namespace Sexting.Functions.Tests.Workflow;

/// <summary>Orchestration v4 (issue 20, contract §4, §10, §11): the investigation goes on in the workspace.</summary>
public sealed class WorkspaceWorkflowTests : IAsyncLifetime
{
    // §3.5.2: under 13 on the discovery date → an aggravating factor, the investigation route.
    private static readonly string UnderThirteen = Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01");

    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_AcceptedThenClosed_TellsSettingOnceAndEndsClosed(int version)
    {
        var id = await _h.StartCaseAsync(UnderThirteen, version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await Task.Delay(500);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome)); // §4.3: not before an investigator accepted

        await ActAsync(id, InvestigationHttp.Accepted, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) });
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.SettingOutcome).Any()), "setting told");
        // A second event (raised by anyone) changes nothing: the setting is told once.
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.CaseAction, new CaseActionEvent("accepted"));
        await ActAsync(id, InvestigationHttp.Closed, c => c.MoveTo(CaseStatus.Closed));

        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome), m => m.ReferralId == id);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_ForgedCaseAction_ChangesNothing(int version)
    {
        // §4.7: the event alone is not the store; the case is still only referred.
        var id = await _h.StartCaseAsync(UnderThirteen, version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.CaseAction, new CaseActionEvent(InvestigationHttp.Closed));
        await _h.UntilAsync(() => Task.FromResult(_h.ActivitiesOf(id).Count(a => a == nameof(ReadCaseStateActivity)) >= 2), "event read");

        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        var instance = await _h.Client.GetInstanceAsync(id);
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, instance!.RuntimeStatus);
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_ReturnedToOutcome21ThenAuthorised_RequestsAuthorisationAndFansOut(int version)
    {
        var id = await _h.StartCaseAsync(UnderThirteen, version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);

        await ReturnAsync(id);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Equal(WorkflowHarness.Contacts.AuthorisingManagerEmail, request.To);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", request.To, "Factor discounted")));
        // The three fan-out emails go side by side: wait for all three, not the first.
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification).Any()
            && _h.Sender.DeliveredOf(EmailKind.SettingOutcome).Any() && _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Any()), "fan-out sent");

        Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.CaseAsync(id)).Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        Assert.NotEmpty(_h.Sender.DeliveredOf(EmailKind.AdviceGuidance));
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_DeclinedAfterReturn_RefersForInvestigationAgainInANewRound(int version)
    {
        var id = await _h.StartCaseAsync(UnderThirteen, version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await ReturnAsync(id);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "decline", WorkflowHarness.Contacts.AuthorisingManagerEmail, "Investigate after all")));
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral).Count == 2), "second referral");
        await _h.UntilAsync(async () => (await _h.CaseAsync(id)).Status == CaseStatus.ReferredForInvestigation, "referred again");

        // Round 2: returned again, the request goes again (not de-duplicated as the first round's).
        await ReturnAsync(id);
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest).Count == 2), "second request");
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "decline", WorkflowHarness.Contacts.AuthorisingManagerEmail, "Still investigate")));
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral).Count == 3), "third referral");
        await _h.UntilAsync(async () => (await _h.CaseAsync(id)).Status == CaseStatus.ReferredForInvestigation, "referred a third time");
        Assert.Equal(2, (await _h.EventsAsync(id)).Count(e => e == TimelineEvent.Declined));

        await ActAsync(id, InvestigationHttp.Accepted, c => c.MoveTo(CaseStatus.UnderInvestigation));
        await ActAsync(id, InvestigationHttp.Closed, c => c.Status == CaseStatus.UnderInvestigation ? c.MoveTo(CaseStatus.Closed) : null);
        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_ConfirmedConsultedDeclinedThenAccepted_TellsTheSetting(int version)
    {
        // Contract §11: the reporter confirms first, as the end-to-end scenarios do.
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromMinutes(5), version: version);
        Assert.Equal(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var manager = WorkflowHarness.Contacts.AuthorisingManagerEmail;
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "consult", manager, "Is this right?")));
        await _h.UntilTimelineAsync(id, TimelineEvent.SafeguardingExpertConsulted);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "decline", manager, "Investigate")));
        await _h.UntilAsync(async () => (await _h.CaseAsync(id)).Status == CaseStatus.ReferredForInvestigation, "declined");

        await ActAsync(id, InvestigationHttp.Accepted, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) });
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.SettingOutcome).Any(m => m.ReferralId == id)), "setting told");
        await ActAsync(id, InvestigationHttp.Closed, c => c.MoveTo(CaseStatus.Closed));
        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_AcceptedBeforeConfirmation_SettingToldOnlyOnceConfirmed(int version)
    {
        var id = await _h.StartConfirmingCaseAsync(UnderThirteen, TimeSpan.FromMinutes(5), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await ActAsync(id, InvestigationHttp.Accepted, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) });
        await _h.UntilAsync(() => Task.FromResult(_h.ActivitiesOf(id).Count(a => a == nameof(ReadCaseStateActivity)) >= 2), "accept read");
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));

        Assert.Equal(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.SettingOutcome).Any(m => m.ReferralId == id)), "setting told");
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    [InlineData(WorkflowVersions.DeliveryByTheLink)]
    public async Task RunAsync_AcceptedAndClosedBeforeTheWorkflowReads_SettingStillToldOnce(int version)
    {
        // Contract §10: the accept tells the setting once the reporter confirmed. Here the confirmation is read, then
        // the accept and the close are both stored before the workflow reads the case again (a backlog of events).
        var id = await _h.StartConfirmingCaseAsync(UnderThirteen, TimeSpan.FromMinutes(5), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        Assert.Equal(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        await _h.UntilAsync(() => Task.FromResult(_h.ActivitiesOf(id).Count(a => a == nameof(ReadCaseStateActivity)) >= 2), "confirmation read");
        var updater = _h.Services.GetRequiredService<CaseUpdater>();
        await updater.UpdateAsync(id, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) }, default);
        await ActAsync(id, InvestigationHttp.Closed, c => c.MoveTo(CaseStatus.Closed));

        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome), m => m.ReferralId == id);
        // The acknowledgement's entry and the accept's message's.
        Assert.Equal(2, (await _h.EventsAsync(id)).Count(e => e == TimelineEvent.SettingNotified));
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_DeadlineWithAcceptedCase_SparedAndStillClosable(int version)
    {
        // Contract §11: an accepted referral is not made unconfirmed.
        var id = await _h.StartConfirmingCaseAsync(UnderThirteen, TimeSpan.FromSeconds(2), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await ActAsync(id, InvestigationHttp.Accepted, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) });
        await _h.UntilAsync(() => Task.FromResult(_h.ActivitiesOf(id).Contains(nameof(Confirmation.SettleConfirmationActivity))), "deadline settled", 20);

        Assert.Equal(CaseStatus.UnderInvestigation, (await _h.CaseAsync(id)).Status);
        Assert.DoesNotContain(TimelineEvent.ReferralUnconfirmed, await _h.EventsAsync(id));
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        await ActAsync(id, InvestigationHttp.Closed, c => c.MoveTo(CaseStatus.Closed));
        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_DeadlineWithoutAcceptance_Unconfirmed(int version)
    {
        var id = await _h.StartConfirmingCaseAsync(UnderThirteen, TimeSpan.FromSeconds(1), version: version);

        Assert.Equal(CaseStatus.Unconfirmed, (await _h.CompletionAsync(id)).Status);
        Assert.Equal(CaseStatus.Unconfirmed, (await _h.CaseAsync(id)).Status);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
    }

    [Theory]
    [InlineData(WorkflowVersions.Workspace)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour, one activity per step
    public async Task RunAsync_ReturnedBeforeConfirmationDeadlinePasses_UnconfirmedNothingSent(int version)
    {
        // Contract §11: not confirmed in time → Unconfirmed; §4.3: no authorisation request before the confirmation.
        var id = await _h.StartConfirmingCaseAsync(UnderThirteen, TimeSpan.FromSeconds(2), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        await ReturnAsync(id);

        Assert.Equal(CaseStatus.Unconfirmed, (await _h.CompletionAsync(id)).Status);
        Assert.Equal(CaseStatus.Unconfirmed, (await _h.CaseAsync(id)).Status);
        Assert.Contains(TimelineEvent.ReferralUnconfirmed, await _h.EventsAsync(id));
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
    }

    // Contract §4.6, §10: the move is stored and the investigation referral keeps failing, so the step is stalled and
    // retried; a supervisor's return or an investigator's accept meanwhile stays (a retry once moved the case back, or
    // failed on it for days), and the referral goes once when the email recovers.
    [Theory]
    [InlineData(InvestigationHttp.Returned)]
    [InlineData(InvestigationHttp.Accepted)]
    public async Task RunAsync_StaffActWhileTheReferralStalls_WhatTheyDidStaysAndTheReferralGoesOnce(string action)
    {
        var retry = new ActivityRetry(2, TimeSpan.FromMilliseconds(100), 1.0) { StalledInterval = TimeSpan.FromMilliseconds(300), StalledFor = TimeSpan.FromMinutes(1) };
        _h.Sender.FailTransiently(EmailKind.InvestigationReferral, int.MaxValue);
        var id = await _h.StartCaseAsync(UnderThirteen, version: WorkflowVersions.Current, retry: retry);
        int Attempts() => _h.Sender.Attempts.Count(m => m.Kind == EmailKind.InvestigationReferral);
        await _h.UntilAsync(async () => Attempts() >= 3 && (await _h.CaseAsync(id)).Status == CaseStatus.ReferredForInvestigation, "moved, the referral stalled");

        if (action == InvestigationHttp.Returned)
        {
            await ReturnAsync(id);
        }
        else
        {
            await ActAsync(id, action, c => c.MoveTo(CaseStatus.UnderInvestigation) with { Investigation = new InvestigationRecord("Ivy Investigator", DateTimeOffset.UtcNow, null, null) });
        }

        var before = Attempts();
        await _h.UntilAsync(() => Task.FromResult(Attempts() >= before + 2), "retried after the action");
        _h.Sender.FailTransiently(EmailKind.InvestigationReferral, 0);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);

        if (action == InvestigationHttp.Returned)
        {
            // §3.5.1, §4.3: on the Outcome 21 route (the reporter confirmed): the request goes.
            await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
            Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.CaseAsync(id)).Status);
        }
        else
        {
            // Contract §4.3: accepted and confirmed, so the setting is told.
            await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.SettingOutcome).Any(m => m.ReferralId == id)), "setting told");
            Assert.Equal(CaseStatus.UnderInvestigation, (await _h.CaseAsync(id)).Status);
        }

        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Running, (await _h.Client.GetInstanceAsync(id))!.RuntimeStatus);
    }

    // Style.md rule 6: an instance started as v3 (in flight when v4 was deployed) ends after the referral, as before.
    [Fact]
    public async Task RunAsync_InstanceOfVersion3_CompletesInItsOwnShape()
    {
        var id = await _h.StartCaseAsync(UnderThirteen, version: WorkflowVersions.FewerRoundTrips);

        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.CompletionAsync(id)).Status);
        Assert.DoesNotContain(nameof(ReadCaseStateActivity), _h.ActivitiesOf(id));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome)); // v3 told the setting after confirmation
    }

    /// <summary>A workspace action as the app records it: the store changed, then the event.</summary>
    private async Task ActAsync(string id, string action, Func<CaseRecord, CaseRecord?> change)
    {
        await _h.Services.GetRequiredService<CaseUpdater>().UpdateAsync(id, change, default);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.CaseAction, new CaseActionEvent(action));
    }

    private Task ReturnAsync(string id) =>
        ActAsync(id, InvestigationHttp.Returned, c => c.MoveTo(CaseStatus.AwaitingAuthorisation) with
        {
            Assessment = c.Assessment! with { Route = Route.EducationAndIntervention },
        });

    private async Task<string> DecidedAsync(string id, string action, string sentTo, string rationale)
    {
        var use = new LinkUse(LinkUse.NewId(), id, LinkPurpose.Authorisation, action,
            new StaffIdentity("user-pat", "Pat Manager", "pat.manager@police.example"), sentTo, DateTimeOffset.UtcNow, rationale, []);
        // A final decision, as the case page makes it: it closes the round's links (contract §5), so a later
        // round decides only because its request reopened them.
        if (action == "consult")
        {
            await _h.Links.RecordUseAsync(use, default);
        }
        else
        {
            Assert.True(await _h.Links.DecideAsync(use, use.At, default), "the round's decision was refused: an earlier round's decision still closes its links");
        }

        return use.UseId;
    }
}
