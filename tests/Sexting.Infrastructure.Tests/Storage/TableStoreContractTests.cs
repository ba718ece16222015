using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.TestSupport;
using Sexting.TestSupport.Contracts;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>The Table Storage case store on Azurite, through the same contract as the unit tests' fake (Functions.Tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreContractTests(AzuriteFixture azurite) : CaseStoreContract
{
    private StorageHost? _host;

    protected override Task<ICaseStore> CreateStoreAsync()
    {
        _host = StorageHost.Create(azurite);
        return Task.FromResult(_host.Cases);
    }

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    /// <summary>A new case in <paramref name="host"/>'s store, so that its links and audit have the case's data key.</summary>
    internal static async Task<string> StoredCaseAsync(StorageHost host)
    {
        var id = ReferralIds.NewRandom();
        await host.Cases.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        return id;
    }
}

/// <summary>The Table Storage link store on Azurite, through the same contract as the unit tests' fake (Functions.Tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableDecisionLinkStoreContractTests(AzuriteFixture azurite) : DecisionLinkStoreContract
{
    private StorageHost? _host;

    protected override Task<IDecisionLinkStore> CreateStoreAsync()
    {
        _host = StorageHost.Create(azurite);
        return Task.FromResult(_host.Links);
    }

    protected override async Task<string> NewCaseAsync() => await TableCaseStoreContractTests.StoredCaseAsync(_host!);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The Table Storage audit on Azurite, through the same contract as the unit tests' fake (Functions.Tests).</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogContractTests(AzuriteFixture azurite) : AuditLogContract
{
    private StorageHost? _host;

    protected override Task<IAuditLog> CreateLogAsync()
    {
        _host = StorageHost.Create(azurite);
        return Task.FromResult(_host.Get<IAuditLog>());
    }

    protected override async Task<string> NewCaseAsync() => await TableCaseStoreContractTests.StoredCaseAsync(_host!);

    public override async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}
