using Sexting.TestSupport.Contracts;
using Sexting.Core.Audit;
using Sexting.Core.Links;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>The audit store on Azurite (contract §9, §10): append only, per case, oldest first, in a table of its own.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableAuditLogTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly StaffIdentity Admin = new("user-admin-1", "Ms Example Admin", "admin@police.example");
    private static readonly StaffIdentity Officer = new("user-officer-2", "PC Example Officer", "officer@police.example");
    private static readonly DateTimeOffset At = new(2026, 12, 2, 10, 0, 0, TimeSpan.Zero);

    private StorageHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private IAuditLog Audit => _host.Get<IAuditLog>();

    private async Task<string> NewCaseAsync()
    {
        var id = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        return id;
    }

    [Fact]
    public async Task ReadAsync_Appended_OldestFirstWithWhoAndWhat_OnlyThatCase()
    {
        var id = await NewCaseAsync();
        var other = await NewCaseAsync();
        await Audit.AppendAsync(id, new AuditEntry(At.AddMinutes(5), Admin, AuditActions.ReadAudit), default);
        await Audit.AppendAsync(id, new AuditEntry(At, Officer, AuditActions.ReadCase), default);
        await Audit.AppendAsync(other, new AuditEntry(At, Officer, AuditActions.ReadCase), default);

        var entries = await Audit.ReadAsync(id, default);

        Assert.Equal(
            [new AuditEntry(At, Officer, AuditActions.ReadCase), new AuditEntry(At.AddMinutes(5), Admin, AuditActions.ReadAudit)],
            entries);
        Assert.Empty(await Audit.ReadAsync(ReferralIds.NewRandom(), default));
    }

    [Fact]
    public async Task AppendAsync_SameTickTwice_KeepsBoth()
    {
        var id = await NewCaseAsync();

        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Audit.AppendAsync(id, new AuditEntry(At, Officer, AuditActions.ReadCase), default)));

        Assert.Equal(10, (await Audit.ReadAsync(id, default)).Count);
    }

    [Fact]
    public async Task AppendAsync_StoresInATableOfItsOwn_WhoSealedWithTheCasesKey()
    {
        var id = await NewCaseAsync();
        await Audit.AppendAsync(id, new AuditEntry(At, Officer, AuditActions.ReadCase), default);

        var rows = _host.Raw.GetTableClient(_host.Prefix + "Audit").QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == id);
        var count = 0;
        await foreach (var row in rows)
        {
            count++;
            Assert.Equal(AuditActions.ReadCase, row.GetString("Action"));
            // Contract §12: staff names and addresses are personal data too.
            var stored = string.Join("|", row.Select(p => p.Value is byte[] bytes ? System.Text.Encoding.UTF8.GetString(bytes) : p.Value?.ToString()));
            Assert.DoesNotContain("PC Example Officer", stored, StringComparison.Ordinal);
            Assert.DoesNotContain("officer@police.example", stored, StringComparison.Ordinal);
            Assert.NotNull(row.GetBinary("WhoSealed"));
        }

        Assert.Equal(1, count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not-a-referral")]
    public async Task AppendAsync_NotAReferralId_Refused(string id) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Audit.AppendAsync(id, new AuditEntry(At, Officer, AuditActions.ReadCase), default));
}
