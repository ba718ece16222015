using Sexting.TestSupport.Contracts;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.DataProtection;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>Contract §12 in the store itself: personal fields sealed, key rotation, the timeline's chain.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DataProtectionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string ChildName = "Zebedee Quillfeather";
    private const string StaffText = "Ottoline Marchbanks rationale";
    private static readonly DateTimeOffset Now = ContractReferrals.ReceivedAt;

    private StorageHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_PersonalFields_NoneReadableInStorageButReadBack()
    {
        var referralId = ReferralIds.NewRandom();
        var created = await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(people: (ChildName, new DateOnly(2011, 5, 1))), Now, default);
        await _host.Cases.UpdateAsync(created.Case with { Outcome = new OutcomeRecord("Outcome 21", "Outcome 27", "Manager", Now, StaffText) }, default);
        await _host.Cases.AppendTimelineAsync(referralId, new TimelineEntry(Now.AddMinutes(1), TimelineEvent.Declined, "declined: " + StaffText, "Declined"), default);

        var stored = string.Join('\n', (await _host.ReadAllAsync(StorageTables.Cases)).Select(Text));

        Assert.Contains(referralId, stored, StringComparison.Ordinal); // the scan sees what is there
        Assert.DoesNotContain(ChildName, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("dsl@exevalley.example", stored, StringComparison.Ordinal);
        Assert.DoesNotContain(StaffText, stored, StringComparison.Ordinal);
        Assert.DoesNotContain("Fictional summary", stored, StringComparison.Ordinal);
        var read = await _host.Cases.GetAsync(referralId, default);
        Assert.Equal(ChildName, read!.Referral.YoungPeople[0].Name);
        Assert.Equal(StaffText, read.Outcome!.Rationale);
        Assert.Contains(await _host.Cases.GetTimelineAsync(referralId, default), e => e.Detail == "declined: " + StaffText);
    }

    [Fact]
    public async Task CreateAsync_EncryptionOnTheCaseRow_NoExtraStorageRequests()
    {
        var referralId = ReferralIds.NewRandom();
        var created = await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        _host.Counter.Reset();

        var read = await _host.Cases.GetAsync(referralId, default);
        await _host.Cases.UpdateAsync(read! with { Status = CaseStatus.AwaitingAuthorisation }, default);
        await _host.Cases.AppendTimelineAsync(referralId, new TimelineEntry(Now, TimelineEvent.Assessed, "Assessed", "Assessed"), default);
        await _host.Cases.GetTimelineAsync(referralId, default);

        // One request each (the update's other two are its case-list row, read and upsert, as it awaits
        // authorisation): the data key came with the case row and stayed in memory.
        Assert.Equal(1, _host.Counter.Of("GetAsync"));
        Assert.Equal(3, _host.Counter.Of("UpdateAsync"));
        Assert.Equal(1, _host.Counter.Of("AppendTimelineAsync"));
        Assert.Equal(1, _host.Counter.Of("GetTimelineAsync"));
        Assert.NotNull(created.Case.Version);
    }

    // Issue 22: an email step's timeline entry and its emails in one entity-group transaction.
    [Fact]
    public async Task RecordStepAsync_EntryAndTwoEmails_OneRequest()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        await _host.Cases.AppendTimelineAsync(referralId, new TimelineEntry(Now, TimelineEvent.Assessed, "Assessed", "Assessed"), default);
        _host.Counter.Reset();

        await _host.Cases.RecordStepAsync(referralId, new TimelineEntry(Now, TimelineEvent.AdviceSent, "Advice and guidance sent", "AdviceSent:authorised"),
            [new SentEmail(EmailKind.AdviceGuidance, "sam@family.example", Now, "k1"), new SentEmail(EmailKind.AdviceGuidance, "alex@pupil.example", Now, "k2")], default);

        Assert.Equal(1, _host.Counter.Total);
        Assert.Equal(2, (await _host.Cases.GetEmailsAsync(referralId, default)).Count);
        Assert.Contains(await _host.Cases.GetTimelineAsync(referralId, default), e => e.Key == "AdviceSent:authorised");
        Assert.True((await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default))!.Intact);
    }

    // Issue 22: the fan-out's three steps, their entries chained in order and their emails, in one transaction.
    [Fact]
    public async Task RecordStepsAsync_ThreeStepsAndTheirEmails_OneRequestAndTheChainIntact()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        await _host.Cases.AppendTimelineAsync(referralId, new TimelineEntry(Now, TimelineEvent.Assessed, "Assessed", "Assessed"), default);
        _host.Counter.Reset();

        await _host.Cases.RecordStepsAsync(referralId,
        [
            new(new TimelineEntry(Now, TimelineEvent.YouthTeamNotified, "Youth team asked", "YouthTeamNotified:authorised"), [new SentEmail(EmailKind.YouthTeamNotification, "yio@police.example", Now, "k0")]),
            new(new TimelineEntry(Now, TimelineEvent.AdviceSent, "Advice and guidance sent", "AdviceSent:authorised"),
                [new SentEmail(EmailKind.AdviceGuidance, "sam@family.example", Now, "k1"), new SentEmail(EmailKind.AdviceGuidance, "alex@pupil.example", Now, "k2")]),
            new(new TimelineEntry(Now, TimelineEvent.SettingNotified, "Setting told the outcome", "SettingNotified:authorised"), [new SentEmail(EmailKind.SettingOutcome, "dsl@school.example", Now, "k3")]),
        ], default);

        Assert.Equal(1, _host.Counter.Total);
        Assert.Equal(4, (await _host.Cases.GetEmailsAsync(referralId, default)).Count);
        var verification = (await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default))!;
        var timeline = await _host.Cases.GetTimelineAsync(referralId, default);
        Assert.True(verification.Intact);
        Assert.Equal(timeline.Count, verification.Entries);
        Assert.Equal(["YouthTeamNotified:authorised", "AdviceSent:authorised", "SettingNotified:authorised"], timeline.TakeLast(3).Select(e => e.Key));
    }

    [Fact]
    public async Task RewrapAsync_AfterRotation_NewKeyVersionSameSealedDataAndReadable()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(people: (ChildName, new DateOnly(2011, 5, 1))), Now, default);
        var before = await CaseRowAsync(referralId);

        _host.Get<LocalKeyEncryptionKey>().Rotate();
        Assert.True(await _host.Get<CaseKeys>().RewrapAsync(referralId, default));
        Assert.False(await _host.Get<CaseKeys>().RewrapAsync(referralId, default));

        var after = await CaseRowAsync(referralId);
        Assert.NotEqual(before.GetString(CaseKeys.KeyIdProperty), after.GetString(CaseKeys.KeyIdProperty));
        Assert.Equal(before.GetBinary("Referral"), after.GetBinary("Referral")); // data not rewritten
        await using var fresh = StorageHost.Create(azurite, _host.Prefix); // nothing in memory
        Assert.Equal(ChildName, (await fresh.Cases.GetAsync(referralId, default))!.Referral.YoungPeople[0].Name);
    }

    [Fact]
    public async Task RewrapStaleAsync_AfterRotation_EveryHeldCaseRewrappedThenOnlyTheMarkerIsRead()
    {
        var held = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var id = ReferralIds.NewRandom();
            await _host.Cases.CreateAsync(id, ContractReferrals.Create(people: (ChildName, new DateOnly(2011, 5, 1))), Now.AddMinutes(i), default);
            held.Add(id);
        }

        var deleted = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(deleted, ContractReferrals.Create(), Now, default);
        await _host.Cases.DeleteAsync(deleted, Now.AddYears(6), default);
        var sealedBefore = (await CaseRowAsync(held[0])).GetBinary("Referral");
        var kek = _host.Get<LocalKeyEncryptionKey>();
        kek.Rotate();
        var rotation = _host.Get<Sexting.Core.DataProtection.IDataKeyRotation>();

        var run = await rotation.RewrapStaleAsync(default);

        Assert.Equal(new Sexting.Core.DataProtection.DataKeyRewrapRun(false, 4, 3, 0), run);
        var current = await kek.CurrentKeyIdAsync(default);
        foreach (var id in held)
        {
            Assert.Equal(current, (await CaseRowAsync(id)).GetString(CaseKeys.KeyIdProperty));
        }

        Assert.Equal(sealedBefore, (await CaseRowAsync(held[0])).GetBinary("Referral")); // no sealed data rewritten
        _host.Counter.Reset();
        Assert.Equal(new Sexting.Core.DataProtection.DataKeyRewrapRun(true, 0, 0, 0), await rotation.RewrapStaleAsync(default));
        Assert.Equal(1, _host.Counter.Total); // the marker

        kek.Rotate();
        Assert.Equal(3, (await rotation.RewrapStaleAsync(default)).Rewrapped); // the next rotation moves them again
        await using var fresh = StorageHost.Create(azurite, _host.Prefix); // nothing in memory
        Assert.Equal(ChildName, (await fresh.Cases.GetAsync(held[2], default))!.Referral.YoungPeople[0].Name);
    }

    // Contract §12: a case updated by another host between the pass's read and its merge (412) still holds its
    // key under the older version (the update wrote back the key it read). Skipped, it would stay there under
    // a marker saying every key moved, and no later pass would look again.
    [Fact]
    public async Task RewrapStaleAsync_CaseUpdatedDuringItsRewrap_RewrappedInTheSamePassBeforeTheMarker()
    {
        InterleavingKeyEncryptionKey? interleaving = null;
        await using var host = StorageHost.Create(azurite, services: s => s.AddSingleton<Sexting.Core.DataProtection.IKeyEncryptionKey>(
            sp => interleaving = new InterleavingKeyEncryptionKey(sp.GetRequiredService<LocalKeyEncryptionKey>())));
        var referralId = ReferralIds.NewRandom();
        await host.Cases.CreateAsync(referralId, ContractReferrals.Create(people: (ChildName, new DateOnly(2011, 5, 1))), Now, default);
        var kek = host.Get<LocalKeyEncryptionKey>();
        kek.Rotate();
        await using var other = StorageHost.Create(azurite, host.Prefix);
        var read = (await other.Cases.GetAsync(referralId, default))!;
        interleaving!.BeforeNextWrap(() => other.Cases.UpdateAsync(read with { Status = CaseStatus.AwaitingAuthorisation }, default));

        var run = await host.Get<Sexting.Core.DataProtection.IDataKeyRotation>().RewrapStaleAsync(default);

        Assert.Equal(new Sexting.Core.DataProtection.DataKeyRewrapRun(false, 1, 1, 0), run);
        var row = await host.Raw.GetTableClient(host.Prefix + StorageTables.Cases).GetEntityAsync<TableEntity>(referralId, CaseEntities.CaseRow);
        Assert.Equal(await kek.CurrentKeyIdAsync(default), row.Value.GetString(CaseKeys.KeyIdProperty));
        Assert.Equal(nameof(CaseStatus.AwaitingAuthorisation), row.Value.GetString("Status")); // the update stands
        await using var fresh = StorageHost.Create(azurite, host.Prefix); // nothing in memory
        Assert.Equal(ChildName, (await fresh.Cases.GetAsync(referralId, default))!.Referral.YoungPeople[0].Name);
    }

    // Contract §2, §12: Key Vault failing as a case is stored costs no crime reference. A JSON referral without a
    // submissionId comes back with a new id, so a number claimed by the failed attempt would be a gap.
    [Fact]
    public async Task CreateAsync_KeyVaultFails_NoNumberUsedAndTheNextCaseTakesIt()
    {
        InterleavingKeyEncryptionKey? interleaving = null;
        await using var host = StorageHost.Create(azurite, services: s => s.AddSingleton<Sexting.Core.DataProtection.IKeyEncryptionKey>(
            sp => interleaving = new InterleavingKeyEncryptionKey(sp.GetRequiredService<LocalKeyEncryptionKey>())));
        var failed = ReferralIds.NewRandom();
        host.Get<Sexting.Core.DataProtection.IKeyEncryptionKey>();
        interleaving!.BeforeNextWrap(() => Task.FromException(new Azure.RequestFailedException(503, "Key Vault unavailable")));

        await Assert.ThrowsAsync<Azure.RequestFailedException>(() => host.Cases.CreateAsync(failed, ContractReferrals.Create(), Now, default));
        var next = await host.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), Now, default);

        Assert.Null(await host.Cases.GetAsync(failed, default));
        Assert.Equal("DC-2026-000001", next.Case.CrimeReference);
    }

    [Fact]
    public async Task GetAsync_WrappedKeyDeleted_CaseUnreadable()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        var row = await CaseRowAsync(referralId);
        row.Remove(CaseKeys.KeyProperty);
        row.Remove(CaseKeys.KeyIdProperty);
        await Table(StorageTables.Cases).UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace);

        await using var fresh = StorageHost.Create(azurite, _host.Prefix);
        await Assert.ThrowsAnyAsync<Exception>(() => fresh.Cases.GetAsync(referralId, default));
    }

    [Fact]
    public async Task VerifyTimelineAsync_Untouched_IntactWithEveryEntry()
    {
        var referralId = await CaseWithTimelineAsync();

        var verdict = await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default);

        Assert.Equal(TimelineVerification.IntactWith(5), verdict);
        Assert.Null(await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(ReferralIds.NewRandom(), default));
    }

    [Fact]
    public async Task VerifyTimelineAsync_EntryAltered_BrokenThere()
    {
        var referralId = await CaseWithTimelineAsync();
        var third = (await TimelineRowsAsync(referralId)).Single(r => r.GetInt64("Seq") == 3);
        third["At"] = third.GetDateTimeOffset("At")!.Value.AddMinutes(-30);
        await Table(StorageTables.Cases).UpdateEntityAsync(third, third.ETag, TableUpdateMode.Replace);

        Assert.Equal(TimelineVerification.BrokenAtPosition(5, 3), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    [Fact]
    public async Task VerifyTimelineAsync_EntryDeleted_BrokenThere()
    {
        var referralId = await CaseWithTimelineAsync();
        var second = (await TimelineRowsAsync(referralId)).Single(r => r.GetInt64("Seq") == 2);
        await Table(StorageTables.Cases).DeleteEntityAsync(second.PartitionKey, second.RowKey);

        Assert.Equal(TimelineVerification.BrokenAtPosition(5, 2), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    [Fact]
    public async Task VerifyTimelineAsync_LastEntryDeleted_BrokenAtTheEnd()
    {
        var referralId = await CaseWithTimelineAsync();
        var last = (await TimelineRowsAsync(referralId)).Single(r => r.GetInt64("Seq") == 5);
        await Table(StorageTables.Cases).DeleteEntityAsync(last.PartitionKey, last.RowKey);

        Assert.Equal(TimelineVerification.BrokenAtPosition(5, 5), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    // Contract §12: removed entries show though the head went with them, or was set back to the last entry left.
    [Fact]
    public async Task VerifyTimelineAsync_LastEntryAndTheHeadDeleted_BrokenAfterTheLastLeft()
    {
        var referralId = await CaseWithTimelineAsync();
        var last = (await TimelineRowsAsync(referralId)).Single(r => r.GetInt64("Seq") == 5);
        await Table(StorageTables.Cases).DeleteEntityAsync(last.PartitionKey, last.RowKey);
        await Table(StorageTables.Cases).DeleteEntityAsync(referralId, "chain");

        Assert.Equal(TimelineVerification.BrokenAtPosition(0, 5), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task VerifyTimelineAsync_LastEntryDeletedHeadSetBackToThePrevious_BrokenAfterIt(bool keepHeadMac)
    {
        var referralId = await CaseWithTimelineAsync();
        var rows = await TimelineRowsAsync(referralId);
        var last = rows.Single(r => r.GetInt64("Seq") == 5);
        var previous = rows.Single(r => r.GetInt64("Seq") == 4);
        await Table(StorageTables.Cases).DeleteEntityAsync(last.PartitionKey, last.RowKey);
        var head = (await Table(StorageTables.Cases).GetEntityAsync<TableEntity>(referralId, "chain")).Value;
        head["Seq"] = previous["Seq"];
        head["Mac"] = previous["Mac"];
        if (!keepHeadMac)
        {
            head.Remove("HeadMac");
        }

        await Table(StorageTables.Cases).UpdateEntityAsync(head, head.ETag, TableUpdateMode.Replace);

        Assert.Equal(TimelineVerification.BrokenAtPosition(4, 5), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    // A chain written before heads were keyed (no ChainV on its entries, no HeadMac on its head) still verifies.
    [Fact]
    public async Task VerifyTimelineAsync_ChainFromBeforeKeyedHeads_StillIntact()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        var chain = _host.Get<TimelineChain>();
        var first = (await TimelineRowsAsync(referralId)).Single();
        var legacy = new TableEntity(first.PartitionKey, first.RowKey);
        foreach (var (key, value) in first)
        {
            if (key is not ("odata.etag" or "Timestamp" or "ChainV" or "Mac"))
            {
                legacy[key] = value;
            }
        }

        legacy["Mac"] = chain.Mac(legacy, 1, null);
        await Table(StorageTables.Cases).UpdateEntityAsync(legacy, Azure.ETag.All, TableUpdateMode.Replace);
        await Table(StorageTables.Cases).UpdateEntityAsync(new TableEntity(referralId, "chain") { ["Seq"] = 1L, ["Mac"] = legacy["Mac"] }, Azure.ETag.All, TableUpdateMode.Replace);

        Assert.Equal(TimelineVerification.IntactWith(1), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    [Fact]
    public async Task VerifyTimelineAsync_EntriesReordered_BrokenAtTheFirstMoved()
    {
        var referralId = await CaseWithTimelineAsync();
        var rows = await TimelineRowsAsync(referralId);
        var second = rows.Single(r => r.GetInt64("Seq") == 2);
        var fourth = rows.Single(r => r.GetInt64("Seq") == 4);
        (second["Seq"], fourth["Seq"]) = (fourth["Seq"], second["Seq"]);
        (second["Mac"], fourth["Mac"]) = (fourth["Mac"], second["Mac"]);
        await Table(StorageTables.Cases).UpdateEntityAsync(second, second.ETag, TableUpdateMode.Replace);
        await Table(StorageTables.Cases).UpdateEntityAsync(fourth, fourth.ETag, TableUpdateMode.Replace);

        Assert.Equal(TimelineVerification.BrokenAtPosition(5, 2), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    [Fact]
    public async Task AppendTimelineAsync_ConcurrentFromTwoHosts_ChainStaysIntact()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        await using var other = StorageHost.Create(azurite, _host.Prefix);
        var stores = new[] { _host.Cases, other.Cases };

        await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => stores[i % 2].AppendTimelineAsync(
            referralId, new TimelineEntry(Now.AddSeconds(i % 3), TimelineEvent.SettingNotified, "step " + i, "step-" + i), default))));
        await stores[0].AppendTimelineAsync(referralId, new TimelineEntry(Now, TimelineEvent.SettingNotified, "step 0", "step-0"), default); // a retry

        Assert.Equal(TimelineVerification.IntactWith(13), await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(referralId, default));
    }

    private async Task<string> CaseWithTimelineAsync()
    {
        var referralId = ReferralIds.NewRandom();
        await _host.Cases.CreateAsync(referralId, ContractReferrals.Create(), Now, default);
        for (var i = 1; i <= 4; i++)
        {
            await _host.Cases.AppendTimelineAsync(referralId, new TimelineEntry(Now.AddMinutes(i), TimelineEvent.SettingNotified, "entry " + i, "entry-" + i), default);
        }

        return referralId;
    }

    private async Task<List<TableEntity>> TimelineRowsAsync(string referralId) =>
        [.. (await _host.ReadAllAsync(StorageTables.Cases)).Where(r => r.PartitionKey == referralId && r.RowKey.StartsWith("t|", StringComparison.Ordinal))];

    private async Task<TableEntity> CaseRowAsync(string referralId) =>
        (await Table(StorageTables.Cases).GetEntityAsync<TableEntity>(referralId, "case")).Value;

    private TableClient Table(string name) => _host.Raw.GetTableClient(_host.Prefix + name);

    private static string Text(TableEntity row) =>
        row.PartitionKey + "|" + row.RowKey + "|" + string.Join('\n', row.Keys.Select(k => k + "=" + AtRestText.Of(row[k] is byte[] or BinaryData ? row.GetBinary(k) : row[k])));
}
