using Sexting.TestSupport.Contracts;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>Contract §10, §12: the emails sent of a case, in its partition, sealed, and gone with it, in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreEmailTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Address = "pat.setting-lead@exevalley.example";

    private StorageHost _host = null!;

    private ICaseStore Store => _host.Cases;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RecordEmailAsync_SameKeyTwice_StoredOnceOldestFirst()
    {
        var id = await CreateAsync();
        var first = new SentEmail(EmailKind.SafeguardingAlert, Address, ContractReferrals.ReceivedAt.AddMinutes(2), id + ":SafeguardingAlert:alert:abc");
        var second = new SentEmail(EmailKind.IntakeAcknowledgement, "dsl@exevalley.example", ContractReferrals.ReceivedAt.AddMinutes(1), id + ":IntakeAcknowledgement:ack:def");

        await Store.RecordEmailAsync(id, first, default);
        await Store.RecordEmailAsync(id, first with { At = ContractReferrals.ReceivedAt.AddHours(1) }, default); // a retried step
        await Store.RecordEmailAsync(id, second, default);

        Assert.Equal([second, first], await Store.GetEmailsAsync(id, default));
    }

    [Fact]
    public async Task RecordEmailAsync_RawRow_DoesNotHoldTheAddress()
    {
        var id = await CreateAsync();

        await Store.RecordEmailAsync(id, new SentEmail(EmailKind.SettingOutcome, Address, ContractReferrals.ReceivedAt, id + ":SettingOutcome:s:1"), default);

        var rows = (await _host.ReadAllAsync(StorageTables.Cases)).Where(r => r.PartitionKey == id && r.RowKey.StartsWith(CaseEntities.EmailPrefix, StringComparison.Ordinal)).ToList();
        var row = Assert.Single(rows);
        Assert.NotNull(row.GetBinary(CaseEntities.SealedToProperty));
        Assert.DoesNotContain("exevalley", StorageHost.Flatten(rows), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("exevalley", System.Text.Encoding.UTF8.GetString(row.GetBinary(CaseEntities.SealedToProperty)!), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task DeleteAsync_CaseWithEmails_EmailsGoWithIt()
    {
        var id = await CreateAsync();
        await Store.RecordEmailAsync(id, new SentEmail(EmailKind.SafeguardingAlert, Address, ContractReferrals.ReceivedAt, id + ":SafeguardingAlert:alert:1"), default);

        await Store.DeleteAsync(id, ContractReferrals.ReceivedAt.AddYears(6), default);

        Assert.Empty(await Store.GetEmailsAsync(id, default));
        Assert.DoesNotContain(await _host.ReadAllAsync(StorageTables.Cases), r => r.PartitionKey == id && r.RowKey.StartsWith(CaseEntities.EmailPrefix, StringComparison.Ordinal));
    }

    private async Task<string> CreateAsync()
    {
        var id = ReferralIds.NewRandom();
        await Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        return id;
    }
}
