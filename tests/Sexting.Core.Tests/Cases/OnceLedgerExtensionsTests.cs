using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Sexting.Core.Cases;

namespace Sexting.Core.Tests.Cases;

public sealed class OnceLedgerExtensionsTests
{
    private const string Key = "email-abc";
    private readonly IOnceLedger _ledger = Substitute.For<IOnceLedger>();
    private int _runs;

    private Task<string> Work(string result)
    {
        _runs++;
        return Task.FromResult(result);
    }

    [Theory]
    [InlineData(OnceClaim.Completed)]
    [InlineData(OnceClaim.Held)]
    public async Task RunOnceAsync_NotClaimed_WorkNotRunAndClaimUntouched(OnceClaim answer)
    {
        _ledger.TryClaimAsync(Key, default).Returns(answer);

        var run = await _ledger.RunOnceAsync(Key, () => Work("sent"), _ => true, null, default);

        Assert.Equal(answer, run.Claim);
        Assert.False(run.Ran);
        Assert.Equal(0, _runs);
        await _ledger.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default);
        await _ledger.DidNotReceiveWithAnyArgs().ReleaseAsync(default!, default);
    }

    [Fact]
    public async Task RunOnceAsync_ClaimedAndDone_CompletedNotReleased()
    {
        _ledger.TryClaimAsync(Key, default).Returns(OnceClaim.Claimed);

        var run = await _ledger.RunOnceAsync(Key, () => Work("sent"), r => r == "sent", null, default);

        Assert.True(run.Ran);
        Assert.Equal("sent", run.Result);
        await _ledger.Received(1).CompleteAsync(Key, CancellationToken.None);
        await _ledger.DidNotReceiveWithAnyArgs().ReleaseAsync(default!, default);
    }

    [Fact]
    public async Task RunOnceAsync_ClaimedButNotDone_ReleasedForARetry()
    {
        _ledger.TryClaimAsync(Key, default).Returns(OnceClaim.Claimed);

        var run = await _ledger.RunOnceAsync(Key, () => Work("rejected"), r => r == "sent", null, default);

        Assert.Equal("rejected", run.Result);
        await _ledger.Received(1).ReleaseAsync(Key, CancellationToken.None);
        await _ledger.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default);
    }

    [Fact]
    public async Task RunOnceAsync_WorkThrows_ReleasedAndTheWorksExceptionRethrown()
    {
        _ledger.TryClaimAsync(Key, default).Returns(OnceClaim.Claimed);

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => _ledger.RunOnceAsync<string>(Key, () => throw new TimeoutException("mail down"), _ => true, null, default));

        Assert.Equal("mail down", thrown.Message);
        await _ledger.Received(1).ReleaseAsync(Key, CancellationToken.None);
        await _ledger.DidNotReceiveWithAnyArgs().CompleteAsync(default!, default);
    }

    [Fact]
    public async Task RunOnceAsync_WorkThrowsAndReleaseFails_ToldOfTheReleaseAndTheWorksExceptionRethrown()
    {
        _ledger.TryClaimAsync(Key, default).Returns(OnceClaim.Claimed);
        _ledger.ReleaseAsync(Key, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("storage down"));
        var told = new List<Exception>();

        var thrown = await Assert.ThrowsAsync<TimeoutException>(() => _ledger.RunOnceAsync<string>(Key, () => throw new TimeoutException("mail down"), _ => true, told.Add, default));

        Assert.Equal("mail down", thrown.Message);
        Assert.Equal("storage down", Assert.Single(told).Message);
    }

    [Fact]
    public async Task RunOnceAsync_DoneButCompleteFails_NotReleasedSoTheWorkIsNotRepeatedAtOnce()
    {
        _ledger.TryClaimAsync(Key, default).Returns(OnceClaim.Claimed);
        _ledger.CompleteAsync(Key, Arg.Any<CancellationToken>()).ThrowsAsync(new InvalidOperationException("storage down"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => _ledger.RunOnceAsync(Key, () => Work("sent"), _ => true, null, default));

        Assert.Equal(1, _runs);
        await _ledger.DidNotReceiveWithAnyArgs().ReleaseAsync(default!, default);
    }
}
