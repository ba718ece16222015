using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Tests.Reminders;

namespace Sexting.Functions.Tests.Cases;

/// <summary>Contract §3, §11: at the deadline an unconfirmed referral is made unconfirmed, with its entry.</summary>
public sealed class SettleConfirmationActivityTests : IDisposable
{
    private readonly ReminderHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public async Task RunAsync_DeadlinePassed_EntryStoredWithTheMoveToUnconfirmed()
    {
        // Contract §3: whoever reads the case as Unconfirmed also reads why.
        var id = await ReceivedCaseAsync();
        var entriesWhenMoved = -1;
        _h.Store.BeforeUpdate = c =>
        {
            if (c.Status == CaseStatus.Unconfirmed)
            {
                entriesWhenMoved = _h.TimelineOfAsync(id, TimelineEvent.ReferralUnconfirmed).GetAwaiter().GetResult().Count;
            }
        };

        var confirmed = await _h.Get<SettleConfirmationActivity>().RunAsync(new SettleConfirmationInput(id, DeadlinePassed: true, ReminderHarness.Start));

        Assert.False(confirmed);
        Assert.Equal(1, entriesWhenMoved);
        Assert.Equal(CaseStatus.Unconfirmed, (await _h.Store.GetAsync(id, default))?.Status);
    }

    [Fact]
    public async Task RunAsync_DeadlinePassedRetried_OneEntry()
    {
        var id = await ReceivedCaseAsync();
        var activity = _h.Get<SettleConfirmationActivity>();

        await activity.RunAsync(new SettleConfirmationInput(id, DeadlinePassed: true, ReminderHarness.Start));
        await activity.RunAsync(new SettleConfirmationInput(id, DeadlinePassed: true, ReminderHarness.Start.AddSeconds(5)));

        Assert.Single(await _h.TimelineOfAsync(id, TimelineEvent.ReferralUnconfirmed));
        Assert.Equal(CaseStatus.Unconfirmed, (await _h.Store.GetAsync(id, default))?.Status);
    }

    [Fact]
    public async Task RunAsync_AcceptedForInvestigation_SparedNothingRecorded()
    {
        var id = await ReceivedCaseAsync();
        var @case = await _h.Store.GetAsync(id, default);
        await _h.Store.UpdateAsync(@case! with
        {
            Status = CaseStatus.UnderInvestigation,
            Investigation = new InvestigationRecord("DC Example Investigator", ReminderHarness.Start, null, null),
        }, default);

        await _h.Get<SettleConfirmationActivity>().RunAsync(new SettleConfirmationInput(id, DeadlinePassed: true, ReminderHarness.Start));

        Assert.Empty(await _h.TimelineOfAsync(id, TimelineEvent.ReferralUnconfirmed));
        Assert.Equal(CaseStatus.UnderInvestigation, (await _h.Store.GetAsync(id, default))?.Status);
    }

    private async Task<string> ReceivedCaseAsync()
    {
        var id = ReferralIds.NewRandom();
        await _h.Store.CreateAsync(id, Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)), Fakes.Referrals.Now,
            new ReporterConfirmation(TrustedDomain: false, ConfirmedAt: null), default);
        return id;
    }
}
