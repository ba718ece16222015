using Sexting.Core.Cases;
using Sexting.TestSupport;
using Sexting.TestSupport.Contracts;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>The Table Storage ledger on Azurite, through the same contract as the unit tests' fake (Functions.Tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableOnceLedgerContractTests(AzuriteFixture azurite) : OnceLedgerContract, IAsyncLifetime
{
    private StorageHost _host = null!;

    protected override IOnceLedger Ledger => _host.Once;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();
}
