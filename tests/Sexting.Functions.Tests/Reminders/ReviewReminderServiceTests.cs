using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Reminders;

namespace Sexting.Functions.Tests.Reminders;

public sealed class ReviewReminderServiceTests : IDisposable
{
    private readonly ReminderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task RunAsync_EducationPastDue_RemindsForceYouthTeamOnceWithFreshLinkAndTimeline()
    {
        var overdue = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(2), "Dorset");

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.EducationRemindersSent);
        var reminder = Assert.Single(_h.Sender.DeliveredOf(EmailKind.EducationReminder));
        Assert.Equal("dorset-youth-team@police.example", reminder.To); // Forces:Dorset:YouthTeamEmail default
        Assert.Equal(overdue.ReferralId, reminder.ReferralId);
        Assert.Contains("http://127.0.0.1:7071/api/education/" + overdue.ReferralId + ".", reminder.TextBody, StringComparison.Ordinal);
        var link = Assert.Single(_h.Links.All);
        Assert.Equal(LinkPurpose.EducationDelivered, link.Purpose);
        Assert.Equal(reminder.To, link.SentTo);
        Assert.Equal(ReminderHarness.Start + TimeSpan.FromDays(7), link.ExpiresAt); // Approval:LinkLifetime
        var entry = Assert.Single(await _h.TimelineOfAsync(overdue.ReferralId, TimelineEvent.EducationReminderSent));
        Assert.Equal("EducationReminderSent:2027-01-04", entry.Key);
        Assert.Equal(ReminderHarness.Start, entry.At);
        Assert.Contains("education-reminder:" + overdue.ReferralId + ":2027-01-04", _h.Ledger.Claims);
    }

    // Issue 22 (workflow v6): the education link was used but the case could not be written, and nobody POSTed
    // the link again. The review scan finds the delivery in the link store and records it instead of reminding.
    [Fact]
    public async Task RunAsync_EducationPastDueButItsLinkWasUsed_RecordsThatDeliveryAndSendsNoReminder()
    {
        var overdue = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(2));
        var at = ReminderHarness.Start - TimeSpan.FromDays(3);
        var use = new LinkUse(LinkUse.NewId(), overdue.ReferralId, LinkPurpose.EducationDelivered, "delivered",
            new StaffIdentity("user-chris", "Chris Officer", "chris.officer@police.example"), "youth@police.example", at, "Session held", ["YP1"]);
        Assert.True(await _h.Links.DecideAsync(use, at, default));

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.DeliveriesRecorded);
        Assert.Equal(0, run.EducationRemindersSent);
        Assert.Empty(_h.Sender.Attempts);
        var closed = (await _h.Store.GetAsync(overdue.ReferralId, default))!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(at, closed.Education!.DeliveredAt);
        Assert.Equal("Chris Officer (chris.officer@police.example)", closed.Education.DeliveredBy);
        Assert.Single(await _h.TimelineOfAsync(overdue.ReferralId, TimelineEvent.EducationDelivered));
        Assert.Null(_h.Store.DueOf(overdue.ReferralId, DueKind.Education));

        _h.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await _h.Service.RunAsync(default)).DueEntries);
    }

    [Fact]
    public async Task RunAsync_EducationNotYetDue_SendsNothing()
    {
        await _h.AuthorisedCaseAsync(ReminderHarness.Start + TimeSpan.FromMinutes(1));

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(0, run.DueEntries);
        Assert.Empty(_h.Sender.Attempts);
        Assert.Empty(_h.Ledger.Claims);
    }

    [Fact]
    public async Task RunAsync_DueInIndexButDueByLaterInCase_SendsNothing()
    {
        // The index says due, the case (the truth) says not yet: §3.4.7 is judged on the case.
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start + TimeSpan.FromDays(1));
        await _h.Store.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, ReminderHarness.Start - TimeSpan.FromDays(1)), default);

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.NotOverdue);
        Assert.Empty(_h.Sender.Attempts);
    }

    // Contract §12: the delivery closed the case, then failed before its due entries were moved. Removing the
    // Education entry alone would leave the case with nothing retention counts from: the Closed entry is set
    // first, at the delivery's time (not the scan's).
    [Fact]
    public async Task RunAsync_EducationDeliveredAndClosedButEntryLeft_SetsClosedEntryAtTheDeliveryRemovesEntrySendsNothing()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        var deliveredAt = ReminderHarness.Start - TimeSpan.FromHours(1);
        await _h.Store.UpdateAsync(@case.MoveTo(CaseStatus.Closed) with
        {
            Education = @case.Education! with { DeliveredAt = deliveredAt, DeliveredBy = "Chris Officer" },
        }, default);

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.StaleRemoved);
        Assert.Empty(_h.Sender.Attempts);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Education));
        Assert.Equal(deliveredAt, _h.Store.DueOf(@case.ReferralId, DueKind.Closed)?.DueAt);
    }

    [Fact]
    public async Task RunAsync_EducationEntryOfADeletedCase_RemovesItSetsNothing()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.Store.DeleteAsync(@case.ReferralId, ReminderHarness.Start, default);
        await _h.Store.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, ReminderHarness.Start - TimeSpan.FromDays(1)), default);

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.StaleRemoved);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Education));
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
    }

    [Fact]
    public async Task RunAsync_DeliveredButNotYetClosed_SendsNothing()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.Store.UpdateAsync(@case with { Education = @case.Education! with { DeliveredAt = ReminderHarness.Start } }, default);

        await _h.Service.RunAsync(default);

        Assert.Empty(_h.Sender.Attempts);
    }

    [Fact]
    public async Task RunAsync_AgainTheSameUkDay_SendsNoSecondReminder()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.Service.RunAsync(default);
        _h.Clock.Advance(TimeSpan.FromHours(16)); // 23:00 GMT, still 4 January in the UK

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.AlreadyRemindedToday);
        Assert.Single(_h.AttemptsOf(EmailKind.EducationReminder));
        Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));
    }

    [Fact]
    public async Task RunAsync_NextUkDay_RemindsAgainUntilDelivered()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.Service.RunAsync(default);
        _h.Clock.Advance(TimeSpan.FromDays(1));
        await _h.Service.RunAsync(default);
        await _h.Store.UpdateAsync((await _h.Store.GetAsync(@case.ReferralId, default))!.MoveTo(CaseStatus.Closed), default);
        await _h.Store.RemoveDueAsync(@case.ReferralId, DueKind.Education, default);
        _h.Clock.Advance(TimeSpan.FromDays(1));

        await _h.Service.RunAsync(default);

        var sent = _h.Sender.DeliveredOf(EmailKind.EducationReminder);
        Assert.Equal(2, sent.Count);
        Assert.Equal(2, sent.Select(m => m.IdempotencyKey).Distinct().Count());
        Assert.Equal(["EducationReminderSent:2027-01-04", "EducationReminderSent:2027-01-05"],
            (await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent)).Select(t => t.Key));
    }

    [Fact]
    public async Task RunAsync_UkDayNotUtcDay_KeysByUkDate()
    {
        // 22:30 and 23:30 UTC on 14 July are 23:30 on the 14th and 00:30 on the 15th in the UK (BST).
        using var h = new ReminderHarness(new() { ["Policy:NextReviewDate"] = "2099-01-01" });
        h.Clock.SetUtcNow(new DateTimeOffset(2027, 7, 14, 22, 30, 0, TimeSpan.Zero));
        await h.AuthorisedCaseAsync(new DateTimeOffset(2027, 7, 1, 0, 0, 0, TimeSpan.Zero));
        await h.Service.RunAsync(default);
        h.Clock.Advance(TimeSpan.FromHours(1));

        await h.Service.RunAsync(default);

        Assert.Equal(2, h.Sender.DeliveredOf(EmailKind.EducationReminder).Count);
    }

    [Fact]
    public async Task RunAsync_TwoHostsAtOnce_EachReminderSentOnce()
    {
        var cases = new List<CaseRecord>();
        for (var i = 0; i < 20; i++)
        {
            cases.Add(await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(i + 1)));
        }

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => _h.NewService().RunAsync(default))));

        // Attempts, not deliveries: the fake sender would hide a second send behind its idempotency key.
        Assert.Equal(20, _h.AttemptsOf(EmailKind.EducationReminder).Count);
        Assert.Equal(cases.Select(c => c.ReferralId).Order(), _h.AttemptsOf(EmailKind.EducationReminder).Select(m => m.ReferralId).Order());
        Assert.Equal(20, runs.Sum(r => r.EducationRemindersSent));
        Assert.Equal(60, runs.Sum(r => r.AlreadyRemindedToday));
        foreach (var @case in cases)
        {
            Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));
        }
    }

    [Fact]
    public async Task RunAsync_TransientSendFailure_ReleasesClaimAndNextRunSends()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        _h.Sender.FailTransiently(EmailKind.EducationReminder, 1);

        var failed = await _h.Service.RunAsync(default);

        Assert.Equal(1, failed.Failed);
        Assert.Empty(_h.Sender.DeliveredOf(EmailKind.EducationReminder));
        Assert.Empty(_h.Ledger.Claims);
        Assert.Empty(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));

        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = await _h.Service.RunAsync(default);

        Assert.Equal(1, retried.EducationRemindersSent);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.EducationReminder));
        Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));
    }

    [Fact]
    public async Task RunAsync_TimelineFailsAfterSend_RetryNextRunSendsNoSecondEmailAndRecordsOnce()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        _h.Store.FailAppendOnce = e => e.Event == TimelineEvent.EducationReminderSent;

        var failed = await _h.Service.RunAsync(default);
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var retried = await _h.Service.RunAsync(default);

        Assert.Equal(1, failed.Failed);
        Assert.Equal(1, retried.EducationRemindersSent);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.EducationReminder)); // the same step: the sender's key holds
        Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));
    }

    [Fact]
    public async Task RunAsync_OneCaseFails_OthersStillReminded()
    {
        await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(2));
        _h.Sender.FailTransiently(EmailKind.EducationReminder, 1);

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(1, run.Failed);
        Assert.Equal(1, run.EducationRemindersSent);
    }

    [Fact]
    public async Task RunAsync_Refused_RecordsStepFailedKeepsTodaysClaim()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        _h.Sender.RejectKinds.Add(EmailKind.EducationReminder);

        var run = await _h.Service.RunAsync(default);
        await _h.Service.RunAsync(default);

        Assert.Equal(1, run.Refused);
        Assert.Single(_h.AttemptsOf(EmailKind.EducationReminder)); // not retried every run: a refusal is permanent
        Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.StepFailed));
        Assert.Empty(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationReminderSent));
    }

    [Fact]
    public async Task RunAsync_Cancelled_ThrowsAndHoldsNoClaim()
    {
        await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _h.Service.RunAsync(cts.Token));
        Assert.Empty(_h.Ledger.Claims);
    }
}
