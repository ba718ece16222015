using NSubstitute;
using Sexting.Core.Cases;
using Sexting.Functions.Cases;
using Sexting.Functions.Tests.Fakes;

namespace Sexting.Functions.Tests.Cases;

public sealed class CaseUpdaterTests
{
    private const string Id = "ref-updater";

    private static async Task<(ICaseStore Store, CaseRecord Case)> CaseAsync()
    {
        var memory = new InMemoryCaseStore();
        var created = (await memory.CreateAsync(Id, Referrals.Parse(Referrals.Json(submissionId: null)), Referrals.Now, default)).Case;
        var store = Substitute.For<ICaseStore>();
        store.GetAsync(Id, Arg.Any<CancellationToken>()).Returns(created);
        return (store, created);
    }

    [Fact]
    public async Task UpdateAsync_TwoConflictsThenStored_ReReadAndReDecidedEachTime()
    {
        var (store, @case) = await CaseAsync();
        var stored = @case with { Status = CaseStatus.AwaitingAuthorisation };
        store.UpdateAsync(Arg.Any<CaseRecord>(), Arg.Any<CancellationToken>())
            .Returns<Task<CaseRecord>>(_ => throw new ConcurrencyConflictException("c"), _ => throw new ConcurrencyConflictException("c"), _ => Task.FromResult(stored));
        var decisions = 0;

        var result = await new CaseUpdater(store).UpdateAsync(Id, c => { decisions++; return c with { Status = CaseStatus.AwaitingAuthorisation }; }, default);

        Assert.Equal(CaseStatus.AwaitingAuthorisation, result.Status);
        Assert.Equal(3, decisions);
        await store.Received(3).GetAsync(Id, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UpdateAsync_ChangeAppliedAlready_NoWrite_TheStoreMayRelistIt()
    {
        // docs/storage.md: a retry that finds its change applied lets the store write a list row that failed.
        var (store, @case) = await CaseAsync();

        var result = await new CaseUpdater(store).UpdateAsync(Id, _ => null, default);

        Assert.Same(@case, result);
        await store.DidNotReceive().UpdateAsync(Arg.Any<CaseRecord>(), Arg.Any<CancellationToken>());
        await store.Received(1).RelistAsync(@case, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task UpdateAsync_ConflictEveryTime_GivesUpAfterTenAttempts()
    {
        var (store, _) = await CaseAsync();
        store.UpdateAsync(Arg.Any<CaseRecord>(), Arg.Any<CancellationToken>()).Returns<Task<CaseRecord>>(_ => throw new ConcurrencyConflictException("c"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => new CaseUpdater(store).UpdateAsync(Id, c => c with { Status = CaseStatus.AwaitingAuthorisation }, default));

        await store.Received(10).UpdateAsync(Arg.Any<CaseRecord>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(4, 40)]
    [InlineData(6, 160)]
    [InlineData(7, 200)]
    [InlineData(9, 200)]
    public void Backoff_GrowsAndIsCapped(int attempt, double ceilingMs)
    {
        Assert.Equal(TimeSpan.Zero, CaseUpdater.Backoff(attempt, 0));
        Assert.Equal(ceilingMs, CaseUpdater.Backoff(attempt, 1).TotalMilliseconds, 3);
        Assert.Equal(ceilingMs / 2, CaseUpdater.Backoff(attempt, 0.5).TotalMilliseconds, 3);
    }
}
