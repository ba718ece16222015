using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Education;
using Sexting.Functions.Reminders;
using Sexting.Functions.Tests.Reminders;

namespace Sexting.Functions.Tests.Education;

/// <summary>
/// Contract §3, §5 and §7: delivery closes the case, records who and when, and ends the reminders. These
/// inputs have the shape scheduled before contract §12 (the person named in the input), which instances
/// in flight still hold; the workflow tests cover the shape with the use's id.
/// </summary>
public sealed class RecordEducationDeliveredActivityTests : IDisposable
{
    private readonly ReminderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task RunAsync_Delivered_ClosesRecordsWhoAndWhenAndLeavesDueIndex()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        var at = ReminderHarness.Start + TimeSpan.FromHours(1);

        var status = await _h.Get<RecordEducationDeliveredActivity>().RunAsync(
            new RecordEducationDeliveredInput(@case.ReferralId, at) { DeliveredBy = "Chris Officer", Notes = "Session held", SentTo = "youth@police.example", Delivered = ["YP1"] });

        Assert.Equal(CaseStatus.Closed, status);
        var closed = (await _h.Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.Closed, closed.Status);
        Assert.Equal(at, closed.Education!.DeliveredAt);
        Assert.Equal("Chris Officer", closed.Education.DeliveredBy);
        Assert.Equal(@case.Education!.DueBy, closed.Education.DueBy);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Education));
        var entry = Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationDelivered));
        Assert.Contains("Chris Officer", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("youth@police.example", entry.Detail, StringComparison.Ordinal);
        Assert.Contains("delivered to YP1", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_Retried_ClosesOnceAndRecordsOnce()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        var activity = _h.Get<RecordEducationDeliveredActivity>();
        var at = ReminderHarness.Start;

        await activity.RunAsync(new RecordEducationDeliveredInput(@case.ReferralId, at) { DeliveredBy = "Chris Officer", Notes = null, SentTo = "youth@police.example", Delivered = ["YP1"] });
        await activity.RunAsync(new RecordEducationDeliveredInput(@case.ReferralId, at + TimeSpan.FromSeconds(5)) { DeliveredBy = "Chris Officer", Notes = null, SentTo = "youth@police.example", Delivered = ["YP1"] });

        Assert.Equal(at, (await _h.Store.GetAsync(@case.ReferralId, default))!.Education!.DeliveredAt);
        Assert.Single(await _h.TimelineOfAsync(@case.ReferralId, TimelineEvent.EducationDelivered));
    }

    [Fact]
    public async Task RunAsync_DeliveredAfterReminders_NextRunRemindsNoMore()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        await _h.Service.RunAsync(default);
        await _h.Get<RecordEducationDeliveredActivity>().RunAsync(
            new RecordEducationDeliveredInput(@case.ReferralId, ReminderHarness.Start) { DeliveredBy = "Chris Officer", Notes = null, SentTo = "youth@police.example", Delivered = ["YP1"] });
        _h.Clock.Advance(TimeSpan.FromDays(1));

        var run = await _h.Service.RunAsync(default);

        Assert.Equal(new ReviewReminderRun(0, 0, 0, 0, 0, 0, 0, PolicyReminderOutcome.NotDue), run);
    }

    [Fact]
    public async Task RunAsync_Delivered_TimelineEntryStoredBeforeTheCaseCloses()
    {
        // Contract §3: whoever reads the case as Closed also reads who confirmed the delivery.
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start - TimeSpan.FromDays(1));
        var entriesWhenClosed = -1;
        _h.Store.BeforeUpdate = c =>
        {
            if (c.Status == CaseStatus.Closed)
            {
                entriesWhenClosed = _h.TimelineOfAsync(c.ReferralId, TimelineEvent.EducationDelivered).GetAwaiter().GetResult().Count;
            }
        };

        await _h.Get<RecordEducationDeliveredActivity>().RunAsync(
            new RecordEducationDeliveredInput(@case.ReferralId, ReminderHarness.Start) { DeliveredBy = "Chris Officer", SentTo = "youth@police.example", Delivered = ["YP1"] });

        Assert.Equal(1, entriesWhenClosed);
    }

    [Fact]
    public async Task Authorisation_TimelineEntryStoredBeforeTheStatusMoves()
    {
        // Contract §3: whoever reads EducationAndIntervention also reads who authorised it.
        var id = ReferralIds.NewRandom();
        await _h.Store.CreateAsync(id, Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)), Fakes.Referrals.Now, default);
        _h.Store.ForceStatus(id, CaseStatus.AwaitingAuthorisation);
        var entriesWhenMoved = -1;
        _h.Store.BeforeUpdate = c =>
        {
            if (c.Status == CaseStatus.EducationAndIntervention)
            {
                entriesWhenMoved = _h.TimelineOfAsync(id, TimelineEvent.Authorised).GetAwaiter().GetResult().Count;
            }
        };

        var status = await _h.Get<RecordAuthorisationActivity>().RunAsync(
            new RecordAuthorisationInput(id, ReminderHarness.Start, ReminderHarness.Start + TimeSpan.FromDays(28)) { AuthorisedBy = "Pat Manager (pat@police.example)", SentTo = "manager@police.example", Rationale = "First incident" });

        Assert.Equal(CaseStatus.EducationAndIntervention, status);
        Assert.Equal(1, entriesWhenMoved);
        var entry = Assert.Single(await _h.TimelineOfAsync(id, TimelineEvent.Authorised));
        Assert.Equal("Outcome 21 (Outcome 27) authorised by Pat Manager (pat@police.example) (link sent to manager@police.example)", entry.Detail);
    }

    // Workflow v6: the decision's activity sends the youth team's link, then fails on a later email and is
    // retried; meanwhile the officer used the link and the case closed. The retry neither fails on the closed
    // case nor puts its education back in the due index.
    [Fact]
    public async Task RecordAuthorisation_RetriedAfterTheLinkClosedTheCase_NoChangeAndNoDueEntry()
    {
        var @case = await _h.AuthorisedCaseAsync(ReminderHarness.Start + TimeSpan.FromDays(28));
        var use = new LinkUse(LinkUse.NewId(), @case.ReferralId, LinkPurpose.EducationDelivered, "delivered",
            new StaffIdentity("user-chris", "Chris Officer", "chris.officer@police.example"), "youth@police.example", ReminderHarness.Start, null, ["YP1"]);
        var closed = await _h.Get<EducationDelivery>().RecordAsync(use, null, default);
        Assert.Equal(CaseStatus.Closed, closed.Status);

        var status = await _h.Get<RecordAuthorisationActivity>().RunAsync(
            new RecordAuthorisationInput(@case.ReferralId, ReminderHarness.Start, ReminderHarness.Start + TimeSpan.FromDays(28)) { AuthorisedBy = "Pat Manager (pat@police.example)", SentTo = "manager@police.example", Rationale = "First incident" });

        Assert.Equal(CaseStatus.Closed, status);
        Assert.Equal(closed.Education, (await _h.Store.GetAsync(@case.ReferralId, default))!.Education);
        Assert.Null(_h.Store.DueOf(@case.ReferralId, DueKind.Education));
        Assert.NotNull(_h.Store.DueOf(@case.ReferralId, DueKind.Closed));
    }
}
