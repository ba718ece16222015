using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Assessment;
using Sexting.Functions.Common;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Workflow;

/// <summary>Contract §4, §11 in real replay: what waits for the reporter's confirmation and what does not.</summary>
public sealed class ReporterConfirmationWorkflowTests : IAsyncLifetime
{
    private WorkflowHarness _h = null!;

    public async Task InitializeAsync() => _h = await WorkflowHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task RunAsync_Confirmed_ProposesOutcome21OnlyAfterConfirmation()
    {
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromMinutes(5));
        await _h.UntilTimelineAsync(id, TimelineEvent.Assessed);
        await Task.Delay(500);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
        Assert.Equal(CaseStatus.Received, (await _h.CaseAsync(id)).Status);
        var link = Assert.Single(_h.Links.All);
        Assert.Equal(LinkPurpose.ReporterConfirmation, link.Purpose);

        Assert.Equal(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);

        var @case = await _h.CaseAsync(id);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, @case.Status);
        Assert.NotNull(@case.Confirmation!.ConfirmedAt);
        Assert.Equal(ReferralStanding.Confirmed, @case.Standing);
        var events = await _h.EventsAsync(id);
        Assert.True(events.IndexOf(TimelineEvent.ReporterConfirmed) < events.IndexOf(TimelineEvent.AuthorisationRequested));
        // Single use: the link answers "used" from now on.
        Assert.Equal(LinkOutcome.Used, await _h.ConfirmAsync(id));
    }

    // Contract §4.6, §11: the acknowledgement stalled (an outage) and went after the deadline scheduled with it. Its
    // link counts its lifetime from the send and the deadline is the link's, so the reporter still has the whole time:
    // the deadline once fired at once, and the case was made unconfirmed though the reporter never had a working link.
    [Fact]
    public async Task RunAsync_AcknowledgementSentAfterItsDeadline_ReporterConfirmsThroughTheLinkAndTheCaseGoesOn()
    {
        var confirmWithin = TimeSpan.FromSeconds(3);
        var retry = new ActivityRetry(3, TimeSpan.FromMilliseconds(100), 1.0) { StalledInterval = TimeSpan.FromSeconds(1), StalledFor = TimeSpan.FromMinutes(1) };
        _h.Sender.FailTransiently(EmailKind.IntakeAcknowledgement, 7); // sent about 5 s after it was scheduled

        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null), confirmWithin, retry: retry);
        // The reporter confirms once the workflow waits for it (with the scheduled deadline, it would have settled at once).
        await _h.UntilTimelineAsync(id, TimelineEvent.Assessed);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var outcome = await _h.ConfirmAsync(id);
        var confirmedAt = DateTimeOffset.UtcNow;

        // The deadline the step was scheduled with (the acknowledgement's link expiry in the activity's input) had passed.
        var (_, json) = (await _h.DurablePayloadsOfAsync(id)).First(p => p.What == nameof(AcknowledgeAndAssessActivity) + " input");
        using var input = System.Text.Json.JsonDocument.Parse(json);
        var scheduledDeadline = input.RootElement.GetProperty(nameof(AcknowledgeAndAssessInput.Acknowledgement)).GetProperty(nameof(SendLinkEmailInput.ExpiresAt)).GetDateTimeOffset();
        Assert.True(confirmedAt > scheduledDeadline, $"confirmed at {confirmedAt:o}, before the scheduled deadline {scheduledDeadline:o}");
        Assert.Equal(LinkOutcome.Accepted, outcome);

        await _h.UntilTimelineAsync(id, TimelineEvent.AuthorisationRequested);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await _h.CaseAsync(id)).Status);
        Assert.DoesNotContain(TimelineEvent.ReferralUnconfirmed, await _h.EventsAsync(id));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement));
    }

    [Fact]
    public async Task RunAsync_NeverConfirmed_BecomesUnconfirmedAndSendsNothingMore()
    {
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromSeconds(2));

        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.Unconfirmed, result.Status);
        var @case = await _h.CaseAsync(id);
        Assert.Equal(CaseStatus.Unconfirmed, @case.Status);
        Assert.Equal(ReferralStanding.Unconfirmed, @case.Standing);
        Assert.Contains(TimelineEvent.ReferralUnconfirmed, await _h.EventsAsync(id));
        Assert.Equal([EmailKind.IntakeAcknowledgement], _h.Sender.Delivered.Where(m => m.ReferralId == id).Select(m => m.Kind));
        // Confirmed late: the link is gone.
        Assert.NotEqual(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        Assert.Equal(CaseStatus.Unconfirmed, (await _h.CaseAsync(id)).Status);
    }

    [Fact]
    public async Task RunAsync_SafeguardingConcernUnconfirmed_AlertsAtOnceAndProposesNothing()
    {
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null, immediateRisk: true), TimeSpan.FromSeconds(3));

        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.Unconfirmed, result.Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingAlert), m => m.ReferralId == id);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
    }

    [Fact]
    public async Task RunAsync_InvestigationUnconfirmed_RefersAtOnceTellsSettingNothing()
    {
        // §3.5.2: under 13 → investigation. The referral goes to the police at once; the setting hears nothing.
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"), TimeSpan.FromSeconds(2));

        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.Unconfirmed, result.Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral), m => m.ReferralId == id);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));
    }

    [Fact]
    public async Task RunAsync_InvestigationConfirmed_TellsSettingAfterConfirmation()
    {
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null, dateOfBirth: "2014-01-01"), TimeSpan.FromMinutes(5), version: WorkflowVersions.FewerRoundTrips); // v4: WorkspaceWorkflowTests
        await _h.UntilTimelineAsync(id, TimelineEvent.InvestigationReferralSent);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.SettingOutcome));

        Assert.Equal(LinkOutcome.Accepted, await _h.ConfirmAsync(id));
        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.ReferredForInvestigation, result.Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.SettingOutcome), m => m.ReferralId == id);
    }

    [Fact]
    public async Task RunAsync_EventWithoutRecordedConfirmation_IsIgnored()
    {
        // §4.7: an event raised straight to the backend changes nothing.
        var id = await _h.StartConfirmingCaseAsync(Referrals.Json(submissionId: null), TimeSpan.FromSeconds(3));
        await _h.UntilTimelineAsync(id, TimelineEvent.Assessed);
        await _h.Client.RaiseEventAsync(id, WorkflowEvents.ReporterConfirmed, new ReporterConfirmedEvent("forged"));

        var result = await _h.CompletionAsync(id);

        Assert.Equal(CaseStatus.Unconfirmed, result.Status);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest));
    }
}
