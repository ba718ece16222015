using Sexting.TestSupport;

namespace Sexting.IntegrationTests.Storage;

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

        Assert.Single(claims, c => c);
    }

    [Fact]
    public async Task ReleaseAsync_Claimed_LetsTheNextClaimSucceed()
    {
        Assert.True(await _host.Once.TryClaimAsync("email:abc", default));
        Assert.False(await _host.Once.TryClaimAsync("email:abc", default));
        Assert.Equal(2, _host.Counter.Of("TryClaimAsync"));

        await _host.Once.ReleaseAsync("email:abc", default);
        await _host.Once.ReleaseAsync("never-claimed", default);

        Assert.True(await _host.Once.TryClaimAsync("email:abc", default));
        Assert.True(await _host.Once.TryClaimAsync("email:abd", default));
    }
}
