using Sexting.Core.Cases;
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
}
