using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Tests.Fakes;

namespace Sexting.Functions.Tests.Links;

/// <summary>Contract §3, §11: a confirmed referral's people count for repeat offending from the confirmation itself.</summary>
public sealed class ReporterConfirmationActionTests
{
    private readonly InMemoryCaseStore _store = new();

    private ReporterConfirmationAction Action => new(new CaseUpdater(_store), _store);

    private async Task<CaseRecord> AwaitingConfirmationAsync()
    {
        var referral = Referrals.Parse(Referrals.Json(submissionId: null));
        return (await _store.CreateAsync(ReferralIds.NewRandom(), referral, Referrals.Now, new ReporterConfirmation(TrustedDomain: true, ConfirmedAt: null), default)).Case;
    }

    [Fact]
    public async Task PrepareAsync_Confirms_IndexesThePeopleAsConfirmed()
    {
        var @case = await AwaitingConfirmationAsync();

        var confirmed = await Action.PrepareAsync(@case, Referrals.Now.AddHours(1), default);

        Assert.NotNull(confirmed);
        Assert.True(confirmed.ReporterConfirmed);
        Assert.Contains((@case.ReferralId, ReferralStanding.Confirmed), _store.Indexed);
    }

    [Fact]
    public async Task PrepareAsync_Retried_ConfirmedOnceIndexedAgain()
    {
        var @case = await AwaitingConfirmationAsync();
        await Action.PrepareAsync(@case, Referrals.Now.AddHours(1), default);

        var again = await Action.PrepareAsync(@case, Referrals.Now.AddHours(2), default);

        Assert.Equal(Referrals.Now.AddHours(1), again!.Confirmation!.ConfirmedAt);
        Assert.Equal(2, _store.Indexed.Count(i => i == (@case.ReferralId, ReferralStanding.Confirmed)));
        Assert.Single(await _store.GetTimelineAsync(@case.ReferralId, default), e => e.Event == TimelineEvent.ReporterConfirmed);
    }

    [Fact]
    public async Task PrepareAsync_AlreadyUnconfirmed_NothingConfirmedNothingIndexed()
    {
        var @case = await AwaitingConfirmationAsync();
        var unconfirmed = await _store.UpdateAsync(@case.MoveTo(CaseStatus.Unconfirmed), default);
        var before = _store.Indexed.Count;

        Assert.Null(await Action.PrepareAsync(unconfirmed, Referrals.Now.AddDays(4), default));

        Assert.Equal(before, _store.Indexed.Count);
    }
}
