using Sexting.Core.Cases;
using Xunit;

namespace Sexting.TestSupport.Contracts;

/// <summary>
/// What every <see cref="IOnceLedger"/> does, run against each one: the in-memory fake the unit tests
/// use (Functions.Tests) and the Table Storage ledger on Azurite (Infrastructure.Tests). A fake that passes
/// these behaves as the real one where the workflow's "at most once" work depends on it.
/// </summary>
public abstract class OnceLedgerContract
{
    // A key with characters Table Storage does not allow in keys, as the reminders' keys have.
    private const string Key = "reminder/0123456789abcdef/2026-12-01#1?";

    /// <summary>A ledger with no claims.</summary>
    protected abstract IOnceLedger Ledger { get; }

    [Fact]
    public async Task TryClaimAsync_FirstThenAgain_ClaimedThenHeld()
    {
        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync(Key, default));
        Assert.Equal(OnceClaim.Held, await Ledger.TryClaimAsync(Key, default));
    }

    [Fact]
    public async Task CompleteAsync_Claimed_EveryLaterClaimCompleted()
    {
        await Ledger.TryClaimAsync(Key, default);

        await Ledger.CompleteAsync(Key, default);

        Assert.Equal(OnceClaim.Completed, await Ledger.TryClaimAsync(Key, default));
        Assert.Equal(OnceClaim.Completed, await Ledger.TryClaimAsync(Key, default));
    }

    [Fact]
    public async Task ReleaseAsync_Claimed_TheNextClaimSucceeds()
    {
        await Ledger.TryClaimAsync(Key, default);

        await Ledger.ReleaseAsync(Key, default);

        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync(Key, default));
    }

    [Fact]
    public async Task ReleaseAsync_NeverClaimed_Harmless()
    {
        await Ledger.ReleaseAsync("never-claimed", default);

        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync("never-claimed", default));
    }

    [Fact]
    public async Task ReleaseAsync_Completed_StaysCompleted()
    {
        await Ledger.TryClaimAsync(Key, default);
        await Ledger.CompleteAsync(Key, default);

        await Ledger.ReleaseAsync(Key, default);

        Assert.Equal(OnceClaim.Completed, await Ledger.TryClaimAsync(Key, default));
    }

    [Fact]
    public async Task TryClaimAsync_KeysDifferingByOneCharacter_Independent()
    {
        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync("email:abc", default));
        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync("email:abd", default));
        Assert.Equal(OnceClaim.Claimed, await Ledger.TryClaimAsync("Email:abc", default));
    }

    [Fact]
    public async Task TryClaimAsync_TenAtOnce_ExactlyOneClaimed()
    {
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => Ledger.TryClaimAsync(Key, default))));

        Assert.Single(claims, c => c == OnceClaim.Claimed);
        Assert.All(claims.Where(c => c != OnceClaim.Claimed), c => Assert.Equal(OnceClaim.Held, c));
    }
}
