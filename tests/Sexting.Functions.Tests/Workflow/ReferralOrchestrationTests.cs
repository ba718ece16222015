using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Assessment;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Cases;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Education;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Tests.Workflow;

public sealed class ReferralOrchestrationTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RunAsync_UnderThirteen_RefersForInvestigationWithoutProposingOutcome21()
    {
        // §3.5.2: a 12-year-old on the discovery date is an aggravating factor.
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"));

        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.ReferredForInvestigation, result.Status);
        var @case = await _h.CaseAsync(id);
        Assert.Equal(CaseStatus.ReferredForInvestigation, @case.Status);
        Assert.Null(@case.Outcome);
        var events = await _h.EventsAsync(id);
        Assert.Equal([TimelineEvent.CrimeRecorded, TimelineEvent.SettingNotified, TimelineEvent.Assessed, TimelineEvent.InvestigationReferralSent, TimelineEvent.SettingNotified], events);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral), m => m.To == WorkflowHarness.Contacts.InvestigationEmail);
        Assert.Equal(2, _h.Sender.DeliveredOf(EmailKind.SettingOutcome).Count + _h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement).Count);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Empty(_h.Links.All);
    }

    [Fact]
    public async Task RunAsync_SafeguardingConcern_AlertsExpertAndStillProposesOutcome21()
    {
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, immediateRisk: true));

        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);

        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingAlert), m => m.To == WorkflowHarness.Contacts.SafeguardingExpertEmail);
        var events = await _h.EventsAsync(id);
        Assert.True(events.IndexOf(TimelineEvent.SafeguardingAlertSent) > events.IndexOf(TimelineEvent.Assessed));
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.CaseAsync(id)).Status);
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.OneActivityPerStep)] // issue 22: the same behaviour in fewer activities (v6: the link closes the case, EducationHttpTests)
    public async Task RunAsync_AuthoriseThenEducationDelivered_FansOutAndCloses(int version)
    {
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, youngPersonEmail: "\"alex@pupil.example\""), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Equal(WorkflowHarness.Contacts.AuthorisingManagerEmail, request.To);
        Assert.Contains("http://127.0.0.1:7071/api/approvals/" + id + ".", request.TextBody, StringComparison.Ordinal);
        var link = Assert.Single(_h.Links.All, l => l.Purpose == LinkPurpose.Authorisation);
        Assert.DoesNotContain(link.TokenHash, request.TextBody, StringComparison.Ordinal);

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "No aggravating factors")));
        await _h.UntilTimelineAsync(id, TimelineEvent.SettingNotified);
        await _h.UntilAsync(async () => (await _h.EventsAsync(id)).Count(e => e == TimelineEvent.SettingNotified) == 2
            && (await _h.EventsAsync(id)).Contains(TimelineEvent.AdviceSent)
            && (await _h.EventsAsync(id)).Contains(TimelineEvent.YouthTeamNotified), "fan-out");

        var @case = await _h.CaseAsync(id);
        Assert.Equal(CaseStatus.EducationAndIntervention, @case.Status);
        Assert.Equal("Outcome 21", @case.Outcome!.National);
        Assert.Equal("Outcome 27", @case.Outcome.Local);
        Assert.Equal("Pat Manager (pat.manager@police.example)", @case.Outcome.AuthorisedBy);
        Assert.Equal(@case.Outcome.AuthorisedAt + TimeSpan.FromDays(28), @case.Education!.DueBy);
        Assert.Equal(@case.Education.DueBy, _h.Store.DueOf(id, DueKind.Education)!.DueAt);
        var authorised = (await _h.Store.GetTimelineAsync(id, default)).Single(t => t.Event == TimelineEvent.Authorised);
        Assert.Contains("Pat Manager", authorised.Detail, StringComparison.Ordinal);
        Assert.Contains(request.To, authorised.Detail, StringComparison.Ordinal);

        Assert.Equal(["sam@family.example", "alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        var youth = Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
        Assert.Contains("/api/education/" + id + ".", youth.TextBody, StringComparison.Ordinal);
        var educationLink = Assert.Single(_h.Links.All, l => l.Purpose == LinkPurpose.EducationDelivered);
        // Seven days after the due date, counted on by the moment between the step's time and the send.
        Assert.InRange(educationLink.ExpiresAt - (@case.Education.DueBy + TimeSpan.FromDays(7)), TimeSpan.Zero, DateTimeOffset.UtcNow - educationLink.IssuedAt);

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(await DeliveredAsync(id, "Chris Officer", youth.To, "Session held", "YP1")));
        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.Closed, result.Status);
        @case = await _h.CaseAsync(id);
        Assert.Equal("Chris Officer (chris.officer@police.example)", @case.Education!.DeliveredBy);
        Assert.NotNull(@case.Education.DeliveredAt);
        Assert.Null(_h.Store.DueOf(id, DueKind.Education));
        Assert.Equal(TimelineEvent.EducationDelivered, (await _h.EventsAsync(id))[^1]);
    }

    // Contract §2, §4.5 (v2): a parent or carer the setting says is not safe to contact is never
    // emailed; the advice still goes to the young person, and the timeline says one was withheld.
    [Fact]
    public async Task RunAsync_ParentNotSafeToContact_NoAdviceToThatParent()
    {
        var json = Referrals.Json(submissionId: null, youngPersonEmail: "\"alex@pupil.example\"")
            .Replace("\"email\": \"sam@family.example\" }", "\"email\": \"sam@family.example\", \"safeToContact\": false }", StringComparison.Ordinal);
        Assert.Contains("safeToContact", json, StringComparison.Ordinal);
        var id = await _h.StartCaseAsync(json);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "No aggravating factors")));
        await _h.UntilAsync(async () => (await _h.EventsAsync(id)).Contains(TimelineEvent.AdviceSent)
            && (await _h.EventsAsync(id)).Contains(TimelineEvent.YouthTeamNotified), "fan-out");

        Assert.Equal(["alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        Assert.DoesNotContain(_h.Sender.Delivered, m => m.To == "sam@family.example");
        var advice = (await _h.Store.GetTimelineAsync(id, default)).Single(t => t.Event == TimelineEvent.AdviceSent);
        Assert.Contains("1 parent(s)/carer(s) not contacted", advice.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain("sam", advice.Detail, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.Current)] // issue 22: the same behaviour in fewer activities
    public async Task RunAsync_ForgedEventsRaisedStraightToTheBackend_ChangeNothing(int version)
    {
        // Contract §4.7: an event the app did not record, whatever it says, is not a decision.
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent("0123456789abcdef0123456789abcdef"));
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new { Decision = "Authorise", ManagerName = "NOBODY (raw event, no token)", SentTo = request.To });
        var otherCase = ReferralIds.NewRandom();
        var useOfAnotherCase = new LinkUse(LinkUse.NewId(), otherCase, LinkPurpose.Authorisation, "authorise",
            new StaffIdentity("u", "Mallory", "m@evil.example"), request.To, DateTimeOffset.UtcNow, "x", []);
        await _h.Links.RecordUseAsync(useOfAnotherCase, default);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(useOfAnotherCase.UseId));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.CaseAsync(id)).Status);
        Assert.DoesNotContain(TimelineEvent.Authorised, await _h.EventsAsync(id));
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));

        // The real decision, recorded by the app, still counts.
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "Proportionate")));
        await _h.UntilAsync(async () => (await _h.CaseAsync(id)).Status == CaseStatus.EducationAndIntervention, "authorised");
        Assert.DoesNotContain("NOBODY", (await _h.CaseAsync(id)).Outcome!.AuthorisedBy, StringComparison.Ordinal);

        // The same for the delivery: a use nobody recorded does not close the case; the recorded one does.
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification).Any()), "youth team told");
        if (version >= WorkflowVersions.DeliveryByTheLink)
        {
            // v6 ended at the fan-out: no event can close the case; only the link's POST does (EducationHttpTests).
            Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.CompletionAsync(id)).Status);
            await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(await DeliveredAsync(id, "Chris Officer", WorkflowHarness.Contacts.YouthTeamEmail, null, "YP1")));
            await Task.Delay(TimeSpan.FromSeconds(1));
            Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.CaseAsync(id)).Status);
            return;
        }

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent("0123456789abcdef0123456789abcdef"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.CaseAsync(id)).Status);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(await DeliveredAsync(id, "Chris Officer", WorkflowHarness.Contacts.YouthTeamEmail, null, "YP1")));
        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
    }

    // Issue 22, style.md rule 6: an instance started as v2 (as one in flight when v3 was deployed)
    // runs the v2 shape to the end: the separate move, reads and three fan-out activities.
    [Fact]
    public async Task RunAsync_InstanceOfVersion2_CompletesInItsOwnShape()
    {
        var id = await EducationRouteToTheEndAsync(WorkflowVersions.ReporterConfirmation);
        var names = await ActivitiesOfAsync(id);
        Assert.Contains(nameof(MoveCaseActivity), names);
        Assert.Contains(nameof(ReadLinkUseActivity), names);
        Assert.DoesNotContain(nameof(SendFanOutActivity), names);
        Assert.DoesNotContain(nameof(RecordDecisionActivity), names);
        Assert.Equal(2, _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Count);
    }

    [Fact]
    public async Task RunAsync_InstanceOfVersion4_EducationRouteInItsSevenActivities()
    {
        var id = await EducationRouteToTheEndAsync(WorkflowVersions.Workspace);
        // Acknowledge, assess, settle the confirmation, request (with the move), decision, fan-out, delivery:
        // v2 needed twelve for the same emails.
        Assert.Equal(
            [nameof(SendLinkEmailActivity), nameof(AssessReferralActivity), nameof(SettleConfirmationActivity), nameof(SendLinkEmailActivity),
             nameof(RecordDecisionActivity), nameof(SendFanOutActivity), nameof(RecordEducationDeliveredActivity)],
            await ActivitiesOfAsync(id));
        Assert.Equal(["sam@family.example", "alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        Assert.Equal(CaseStatus.Closed, (await _h.CaseAsync(id)).Status);
    }

    // Issue 22: one activity per step, the same emails, each once, in the same order. v5: acknowledge and
    // assess, settle the confirmation and request, decide and fan out, record the delivery. v6 (Current) ends
    // once the fan-out is sent, with no wait for the delivery, which the education link's POST records
    // (EducationHttpTests).
    [Theory]
    [InlineData(WorkflowVersions.OneActivityPerStep)]
    [InlineData(WorkflowVersions.DeliveryByTheLink)]
    public async Task RunAsync_Version5And6_EducationRouteInOneActivityPerStep(int version)
    {
        Assert.Equal(WorkflowVersions.DeliveryByTheLink, WorkflowVersions.Current);
        var byTheLink = version >= WorkflowVersions.DeliveryByTheLink;
        var id = await EducationRouteToTheEndAsync(version);

        string[] steps = [nameof(AcknowledgeAndAssessActivity), nameof(SettleConfirmationActivity), nameof(RecordDecisionActivity)];
        Assert.Equal(byTheLink ? steps : [.. steps, nameof(RecordEducationDeliveredActivity)], await ActivitiesOfAsync(id));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Equal(["sam@family.example", "alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        var events = await _h.EventsAsync(id);
        Assert.True(events.IndexOf(TimelineEvent.Assessed) < events.IndexOf(TimelineEvent.AuthorisationRequested), string.Join(", ", events));
        Assert.True(events.IndexOf(TimelineEvent.Authorised) < events.IndexOf(TimelineEvent.YouthTeamNotified), string.Join(", ", events));
        var @case = await _h.CaseAsync(id);
        Assert.Equal(byTheLink ? CaseStatus.EducationAndIntervention : CaseStatus.Closed, @case.Status);
        if (byTheLink)
        {
            Assert.Equal(@case.Education!.DueBy, _h.Store.DueOf(id, DueKind.Education)!.DueAt);
            Assert.Single(_h.Links.All, l => l.Purpose == LinkPurpose.EducationDelivered && l.ClosedAt is null);
        }
    }

    // A case of that version authorised as the app records it and, for versions that wait for it (v5 and
    // earlier), delivered likewise, to its completion: Closed, or EducationAndIntervention for v6.
    private async Task<string> EducationRouteToTheEndAsync(int version, ActivityRetry? retry = null)
    {
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, youngPersonEmail: "\"alex@pupil.example\""), version: version, retry: retry);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        var request = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Pat Manager", request.To, "No aggravating factors")));
        await _h.UntilAsync(() => Task.FromResult(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification).Any()), "youth team told");
        if (version >= WorkflowVersions.DeliveryByTheLink)
        {
            Assert.Equal(CaseStatus.EducationAndIntervention, (await _h.CompletionAsync(id)).Status);
            return id;
        }

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.EducationDelivered, new EducationDeliveredEvent(await DeliveredAsync(id, "Chris Officer", WorkflowHarness.Contacts.YouthTeamEmail, null, "YP1")));

        Assert.Equal(CaseStatus.Closed, (await _h.CompletionAsync(id)).Status);
        return id;
    }

    private Task<IReadOnlyList<string>> ActivitiesOfAsync(string id) => Task.FromResult(_h.ActivitiesOf(id));

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.Current)] // issue 22: the same behaviour in fewer activities
    public async Task RunAsync_NoDecision_RemindsThenEscalatesThenAcceptsAuthorisation(int version)
    {
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2.5), version: version);

        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationEscalated);
        var escalation = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationEscalation));
        Assert.Equal(WorkflowHarness.Contacts.EscalationEmail, escalation.To);
        var reminder = Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationReminder));
        Assert.Equal(WorkflowHarness.Contacts.AuthorisingManagerEmail, reminder.To);
        // A fresh link each time: three distinct stored links, three distinct tokens in three emails.
        Assert.Equal(3, _h.Links.All.Count(l => l.Purpose == LinkPurpose.Authorisation));
        Assert.Equal(3, _h.Sender.Delivered.Where(m => m.Kind is EmailKind.AuthorisationRequest or EmailKind.AuthorisationReminder or EmailKind.AuthorisationEscalation)
            .Select(m => m.TextBody).Distinct().Count());
        var events = await _h.EventsAsync(id);
        Assert.True(events.IndexOf(TimelineEvent.AuthorisationRequested) < events.IndexOf(TimelineEvent.AuthorisationReminderSent));
        Assert.True(events.IndexOf(TimelineEvent.AuthorisationReminderSent) < events.IndexOf(TimelineEvent.AuthorisationEscalated));

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "authorise", "Lee Escalation", escalation.To, "Proportionate")));
        await _h.UntilAsync(async () => (await _h.CaseAsync(id)).Status == CaseStatus.EducationAndIntervention, "authorised");

        var authorised = (await _h.Store.GetTimelineAsync(id, default)).Single(t => t.Event == TimelineEvent.Authorised);
        Assert.Contains(WorkflowHarness.Contacts.EscalationEmail, authorised.Detail, StringComparison.Ordinal);
        // It keeps waiting after the escalation: no second reminder or escalation.
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationReminder));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationEscalation));
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.FewerRoundTrips)] // issue 22: the same behaviour in fewer activities (v4: an investigation goes on in the workspace, WorkspaceWorkflowTests)
    public async Task RunAsync_ConsultThenDecline_ConsultsExpertKeepsWaitingThenRefersForInvestigation(int version)
    {
        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), version: version);
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "consult", "Pat Manager", "manager@police.example", "Is there a pattern?")));
        await _h.UntilTimelineAsync(id, TimelineEvent.SafeguardingExpertConsulted);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingExpertConsultation), m => m.To == WorkflowHarness.Contacts.SafeguardingExpertEmail);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.CaseAsync(id)).Status);

        await _h.Client.RaiseEventAsync(id, WorkflowEvents.Decision, new DecisionEvent(await DecidedAsync(id, "decline", "Pat Manager", "manager@police.example", "Expert advises investigation")));
        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.ReferredForInvestigation, result.Status);
        var timeline = await _h.Store.GetTimelineAsync(id, default);
        var declined = Assert.Single(timeline, t => t.Event == TimelineEvent.Declined);
        Assert.Contains("Pat Manager", declined.Detail, StringComparison.Ordinal);
        Assert.Contains(timeline, t => t.Event == TimelineEvent.InvestigationReferralSent);
        Assert.Null((await _h.CaseAsync(id)).Outcome);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.FewerRoundTrips)] // issue 22: the same behaviour in fewer activities (v4: an investigation goes on in the workspace, WorkspaceWorkflowTests)
    public async Task RunAsync_TransientEmailFailures_RetriesAndDeliversOnce(int version)
    {
        _h.Sender.FailTransiently(EmailKind.IntakeAcknowledgement, 2);

        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"), version: version);
        await _h.CompletionAsync(id);

        Assert.Equal(3, _h.Sender.Attempts.Count(m => m.Kind == EmailKind.IntakeAcknowledgement));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement));
    }

    [Theory]
    [InlineData(WorkflowVersions.Original)]
    [InlineData(WorkflowVersions.FewerRoundTrips)] // issue 22: the same behaviour in fewer activities (v4: an investigation goes on in the workspace, WorkspaceWorkflowTests)
    public async Task RunAsync_FaultAfterSendThenRetry_SameKeyNoSecondDeliveryOneTimelineEntry(int version)
    {
        // The email goes, then the timeline write fails: the retried activity must not send again.
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.InvestigationReferralSent;

        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"), version: version);
        await _h.CompletionAsync(id);

        var attempts = _h.Sender.Attempts.Where(m => m.Kind == EmailKind.InvestigationReferral).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());
        Assert.Equal(_h.Services.GetRequiredService<EmailIdempotencyKey>().For(id, EmailKind.InvestigationReferral, "assessment", WorkflowHarness.Contacts.InvestigationEmail), attempts[0].IdempotencyKey);
        Assert.DoesNotContain("@", attempts[0].IdempotencyKey, StringComparison.Ordinal);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        Assert.Single(await _h.EventsAsync(id), e => e == TimelineEvent.InvestigationReferralSent);
    }

    // Issue 22 (v5): a transient failure inside a merged step retries the whole activity; the emails that
    // went before the failure are not sent again, and the steps recorded before it are not recorded twice.
    [Fact]
    public async Task RunAsync_CurrentVersion_TransientFailuresInsideMergedSteps_EachEmailOnceEachEntryOnce()
    {
        _h.Sender.FailTransiently(EmailKind.IntakeAcknowledgement, 2);
        _h.Sender.FailTransiently(EmailKind.AdviceGuidance, 1);

        var id = await EducationRouteToTheEndAsync(WorkflowVersions.Current);

        Assert.Equal(3, _h.Sender.Attempts.Count(m => m.Kind == EmailKind.IntakeAcknowledgement));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement));
        // The youth team's and the setting's emails went before the advice failed: the retry sends only the advice.
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        Assert.Equal(["sam@family.example", "alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        var events = await _h.EventsAsync(id);
        Assert.Single(events, e => e == TimelineEvent.Assessed);
        Assert.Single(events, e => e == TimelineEvent.Authorised);
        Assert.Single(events, e => e == TimelineEvent.AdviceSent);
        Assert.Single(events, e => e == TimelineEvent.YouthTeamNotified);
    }

    // Issue 22 (v5): the move and the investigation referral in one activity; the email goes, the timeline
    // write fails, the retried activity finds the case moved and the email claimed: one email, one entry.
    [Fact]
    public async Task RunAsync_CurrentVersion_FaultAfterReferralSentThenRetry_OneEmailOneEntry()
    {
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.InvestigationReferralSent;

        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"), version: WorkflowVersions.Current);
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);

        var attempts = _h.Sender.Attempts.Where(m => m.Kind == EmailKind.InvestigationReferral).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Single(attempts.Select(a => a.IdempotencyKey).Distinct());
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        Assert.Single(await _h.EventsAsync(id), e => e == TimelineEvent.InvestigationReferralSent);
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.CaseAsync(id)).Status);
        Assert.Equal([nameof(AcknowledgeAndAssessActivity), nameof(MoveCaseActivity), nameof(MoveCaseActivity)], _h.ActivitiesOf(id).Take(3));
        Assert.DoesNotContain(nameof(SendEmailActivity), _h.ActivitiesOf(id));
    }

    // Contract §4.6: a step still failing after its attempts (an outage longer than the back-off) is stalled,
    // logged as an error and tried again every StalledInterval; it used to fail the orchestration for good.
    [Fact]
    public async Task RunAsync_StepFailsBeyondMaxAttemptsThenRecovers_StalledRetriedAndCompletesEachEmailOnce()
    {
        var retry = new ActivityRetry(5, TimeSpan.FromMilliseconds(100), 1.5) { StalledInterval = TimeSpan.FromMilliseconds(300), StalledFor = TimeSpan.FromMinutes(1) };
        _h.Sender.FailTransiently(EmailKind.IntakeAcknowledgement, 7);
        _h.Sender.FailTransiently(EmailKind.AdviceGuidance, 6);

        var id = await EducationRouteToTheEndAsync(WorkflowVersions.Current, retry);

        Assert.Equal(8, _h.Sender.Attempts.Count(m => m.Kind == EmailKind.IntakeAcknowledgement));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        // The fan-out failed on the advice 6 times: the youth team's and the setting's emails went once.
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
        Assert.Equal(["sam@family.example", "alex@pupil.example"], _h.Sender.DeliveredOf(EmailKind.AdviceGuidance).Select(m => m.To));
        var timeline = await _h.Store.GetTimelineAsync(id, CancellationToken.None);
        Assert.Equal(timeline.Count, timeline.Select(t => t.Key).Distinct().Count());
        Assert.Single(timeline, t => t.Event == TimelineEvent.Assessed);
        Assert.Single(timeline, t => t.Event == TimelineEvent.AdviceSent);

        // Attempts 5, 6 and 7 of the first step and 5 and 6 of the fan-out's activity failed stalled: one error
        // each (the replay-safe logger), naming the referral, the step, the attempt and the next attempt's time.
        var stalled = _h.Logs.Lines.Where(l => l.Level == LogLevel.Error && l.Message.Contains(" stalled", StringComparison.Ordinal)).Select(l => l.Message).ToList();
        Assert.Equal(5, stalled.Count);
        Assert.All(stalled, m => Assert.StartsWith("Referral " + id + ": step ", m, StringComparison.Ordinal));
        Assert.Equal(3, stalled.Count(m => m.Contains(nameof(AcknowledgeAndAssessActivity), StringComparison.Ordinal)));
        Assert.Equal(2, stalled.Count(m => m.Contains(nameof(RecordDecisionActivity), StringComparison.Ordinal)));
        Assert.Contains(stalled, m => m.Contains("attempt 7 failed; next attempt at ", StringComparison.Ordinal));
        Assert.All(stalled, m => Assert.DoesNotContain("@", m, StringComparison.Ordinal));
    }

    // After StalledFor the step is given up and the orchestration fails, as every failed step did before.
    [Fact]
    public async Task RunAsync_StepFailsLongerThanStalledFor_OrchestrationFailsAfterIt()
    {
        var retry = new ActivityRetry(3, TimeSpan.FromMilliseconds(100), 1.0) { StalledInterval = TimeSpan.FromMilliseconds(200), StalledFor = TimeSpan.FromSeconds(1) };
        _h.Sender.FailTransiently(EmailKind.IntakeAcknowledgement, int.MaxValue);

        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null), version: WorkflowVersions.Current, retry: retry);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var state = await _h.Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: false, cts.Token);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, state.RuntimeStatus);
        Assert.True(state.LastUpdatedAt - state.CreatedAt >= retry.StalledFor, $"failed after {state.LastUpdatedAt - state.CreatedAt}");
        // Three attempts with back-off, then one every 200 ms until a second had passed since the first.
        var attempts = _h.Sender.Attempts.Count(m => m.Kind == EmailKind.IntakeAcknowledgement);
        Assert.True(attempts > retry.MaxAttempts, $"{attempts} attempts");
        Assert.DoesNotContain(TimelineEvent.Assessed, await _h.EventsAsync(id));
        var gaveUp = Assert.Single(_h.Logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("given up", StringComparison.Ordinal));
        Assert.Equal($"Referral {id}: step {nameof(AcknowledgeAndAssessActivity)} given up after attempt {attempts}; the orchestration fails", gaveUp.Message);
    }

    [Fact]
    public async Task RunAsync_EmailRefused_RecordsStepFailedAndContinues()
    {
        _h.Sender.RejectKinds.Add(EmailKind.InvestigationReferral);

        var id = await _h.StartCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"));
        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.ReferredForInvestigation, result.Status);
        var events = await _h.EventsAsync(id);
        Assert.Contains(TimelineEvent.StepFailed, events);
        Assert.DoesNotContain(TimelineEvent.InvestigationReferralSent, events);
        // The step after the refused one still ran. Not "last": entries of one instant (the orchestration's
        // time) are read in event order, as the Table store keys them, not in the order they were appended.
        Assert.Contains(TimelineEvent.SettingNotified, events);
    }

    /// <summary>Records a decision as the app does (the link store holds the use) and returns the id the event carries.</summary>
    private async Task<string> DecidedAsync(string id, string action, string name, string sentTo, string? rationale)
    {
        var use = new LinkUse(LinkUse.NewId(), id, LinkPurpose.Authorisation, action,
            new StaffIdentity("user-" + name, name, name.ToLowerInvariant().Replace(' ', '.') + "@police.example"), sentTo, DateTimeOffset.UtcNow, rationale, []);
        await _h.Links.RecordUseAsync(use, default);
        return use.UseId;
    }

    private async Task<string> DeliveredAsync(string id, string name, string sentTo, string? notes, params string[] delivered)
    {
        var use = new LinkUse(LinkUse.NewId(), id, LinkPurpose.EducationDelivered, "delivered",
            new StaffIdentity("user-" + name, name, name.ToLowerInvariant().Replace(' ', '.') + "@police.example"), sentTo, DateTimeOffset.UtcNow, notes, delivered);
        await _h.Links.RecordUseAsync(use, default);
        return use.UseId;
    }
}
