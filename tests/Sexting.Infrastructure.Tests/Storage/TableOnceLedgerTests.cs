using Sexting.Core.Cases;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableOnceLedgerTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TryClaimAsync_TwentyParallelOnTwoHosts_OneSucceeds()
    {
        await using var other = StorageHost.Create(azurite, _host.Prefix);
        var ledgers = new[] { _host.Once, other.Once };

        var claims = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Task.Run(() => ledgers[i % 2].TryClaimAsync("reminder/0123456789abcdef0123456789abcdef/2026-12-01#1?", default))));

        Assert.Single(claims, c => c == OnceClaim.Claimed);
        Assert.All(claims.Where(c => c != OnceClaim.Claimed), c => Assert.Equal(OnceClaim.Held, c));
    }

    [Fact]
    public async Task ReleaseAsync_Claimed_LetsTheNextClaimSucceed()
    {
        Assert.Equal(OnceClaim.Claimed, await _host.Once.TryClaimAsync("email:abc", default));
        Assert.Equal(OnceClaim.Held, await _host.Once.TryClaimAsync("email:abc", default));
        Assert.Equal(3, _host.Counter.Of("TryClaimAsync")); // a first claim is one insert; a taken one adds a read

        await _host.Once.ReleaseAsync("email:abc", default);
        await _host.Once.ReleaseAsync("never-claimed", default);

        Assert.Equal(OnceClaim.Claimed, await _host.Once.TryClaimAsync("email:abc", default));
        Assert.Equal(OnceClaim.Claimed, await _host.Once.TryClaimAsync("email:abd", default));
    }

    [Fact]
    public async Task CompleteAsync_Claimed_EveryLaterClaimCompletedEvenAfterTheLease()
    {
        await using var host = StorageHost.Create(azurite, claimLease: TimeSpan.FromSeconds(1));
        Assert.Equal(OnceClaim.Claimed, await host.Once.TryClaimAsync("email:done", default));

        await host.Once.CompleteAsync("email:done", default);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(OnceClaim.Completed, await host.Once.TryClaimAsync("email:done", default));
    }

    [Fact]
    public async Task TryClaimAsync_HolderDiedAndLeaseLapsed_ExactlyOneOfManyTakesItOver()
    {
        // A host claimed, then died before completing or releasing: the work must not be lost.
        await using var dead = StorageHost.Create(azurite, claimLease: TimeSpan.FromSeconds(1));
        await using var other = StorageHost.Create(azurite, dead.Prefix, claimLease: TimeSpan.FromSeconds(1));
        Assert.Equal(OnceClaim.Claimed, await dead.Once.TryClaimAsync("email:orphan", default));
        Assert.Equal(OnceClaim.Held, await other.Once.TryClaimAsync("email:orphan", default));

        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var claims = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => other.Once.TryClaimAsync("email:orphan", default))));

        Assert.Single(claims, c => c == OnceClaim.Claimed);
    }
}
