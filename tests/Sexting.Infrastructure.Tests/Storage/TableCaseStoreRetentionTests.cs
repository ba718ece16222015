using Sexting.TestSupport.Contracts;
using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>Contract §12: a case deleted under retention leaves only its tombstone, in Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreRetentionTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AlexBorn = new(2011, 5, 1);
    private static readonly DateTimeOffset DeletedAt = ContractReferrals.ReceivedAt.AddYears(6);

    private static readonly AggravatingFactorCode[] NoFactors = [];

    private StorageHost _host = null!;

    private ICaseStore Store => _host.Cases;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DeleteAsync_HeldCase_LeavesOnlyItsTombstoneAndItsPeopleStopCounting()
    {
        var kept = await CreateIndexedAsync(ContractReferrals.ReceivedAt.AddHours(-1));
        var doomed = await CreateIndexedAsync(ContractReferrals.ReceivedAt);
        await Store.AppendTimelineAsync(doomed.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddMinutes(1), TimelineEvent.Assessed, "Assessed: nothing aggravating", "assessed"), default);
        var token = DecisionToken.Issue(doomed.ReferralId);
        await _host.Links.SaveAsync(new DecisionLink(token.Hash, doomed.ReferralId, LinkPurpose.Authorisation, "manager@force.example", ContractReferrals.ReceivedAt, ContractReferrals.ReceivedAt.AddDays(7), null), default);
        await _host.Get<IAuditLog>().AppendAsync(doomed.ReferralId, new AuditEntry(ContractReferrals.ReceivedAt, new StaffIdentity("user-1", "Pat Reader", "pat.reader@force.example"), "ReadCase"), default);
        await Store.SetDueAsync(new DueEntry(doomed.ReferralId, DueKind.Education, ContractReferrals.ReceivedAt.AddDays(28)), default);
        await Store.SetDueAsync(new DueEntry(doomed.ReferralId, DueKind.Closed, ContractReferrals.ReceivedAt.AddDays(2)), default);
        Assert.Equal(2, (await FindAlexAsync()).Count);

        var result = await Store.DeleteAsync(doomed.ReferralId, DeletedAt, default);

        Assert.Equal(CaseDeletion.Deleted, result);
        Assert.Null(await Store.GetAsync(doomed.ReferralId, default));
        Assert.Empty(await Store.GetTimelineAsync(doomed.ReferralId, default));
        Assert.Null(await _host.Get<ITimelineVerifier>().VerifyTimelineAsync(doomed.ReferralId, default));
        var cases = await RowsOfAsync(StorageTables.Cases, doomed.ReferralId);
        Assert.Equal([CaseEntities.TombstoneRow], cases.Select(r => r.RowKey));
        Assert.DoesNotContain(cases[0].Keys, k => k.StartsWith(CaseKeys.KeyProperty, StringComparison.Ordinal)); // the wrapped data key is gone
        Assert.Empty(await RowsOfAsync(StorageTables.Links, doomed.ReferralId));
        Assert.Empty(await RowsOfAsync(StorageTables.Audit, doomed.ReferralId));
        Assert.DoesNotContain(await _host.ReadAllAsync(StorageTables.Due), r => r.GetString("ReferralId") == doomed.ReferralId || r.RowKey.EndsWith(doomed.ReferralId, StringComparison.Ordinal));
        Assert.Equal([kept.ReferralId], (await FindAlexAsync()).Select(e => e.ReferralId));
        Assert.DoesNotContain(StorageHost.Flatten(await _host.ReadAllAsync(StorageTables.People)), "R" + doomed.ReferralId, StringComparison.Ordinal);
        Assert.NotNull(await Store.GetAsync(kept.ReferralId, default));
    }

    // Contract §2, §12: the same submission again after retention deleted its case makes no second case with the
    // old crime reference; the deleted case stays deleted, and its tombstone keeps its figures.
    [Fact]
    public async Task CreateAsync_SameReferralAfterItsCaseWasDeleted_RefusedNothingStored()
    {
        var id = ReferralIds.NewRandom();
        await Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        await Store.DeleteAsync(id, DeletedAt, default);
        var before = await RowsOfAsync(StorageTables.Cases, id);

        await Assert.ThrowsAsync<CaseDeletedException>(() => Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt.AddMinutes(1), default));

        Assert.Null(await Store.GetAsync(id, default));
        Assert.Equal(before.Select(r => r.RowKey), (await RowsOfAsync(StorageTables.Cases, id)).Select(r => r.RowKey));
        var figures = Assert.Single(await Store.ListReceivedAsync(ContractReferrals.ReceivedAt.AddDays(-1), ContractReferrals.ReceivedAt.AddDays(1), default).ToListAsync());
        Assert.Equal(DeletedAt, figures.DeletedAt);
    }

    [Fact]
    public async Task DeleteAsync_ClosedCase_TombstoneKeepsItsFiguresWithoutPersonalData()
    {
        var record = await CreateIndexedAsync(ContractReferrals.ReceivedAt);
        var closed = await Store.UpdateAsync(record.MoveTo(CaseStatus.AwaitingAuthorisation).MoveTo(CaseStatus.EducationAndIntervention).MoveTo(CaseStatus.Closed) with
        {
            Assessment = new ReferralAssessment([], [], Route.EducationAndIntervention, null),
            Outcome = new OutcomeRecord("Outcome 21", "Outcome 27", "DI Example Manager (di.manager@force.example)", ContractReferrals.ReceivedAt.AddHours(5), "First incident."),
            Education = new EducationRecord(ContractReferrals.ReceivedAt.AddDays(28), ContractReferrals.ReceivedAt.AddDays(3), "PC Example", "Delivered at school."),
        }, default);
        // Contract §8 v2: the counted events outlive the timeline, on the tombstone.
        await Store.AppendTimelineAsync(closed.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(1), TimelineEvent.SafeguardingExpertConsulted, "Consulted", "c1"), default);
        await Store.AppendTimelineAsync(closed.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(2), TimelineEvent.SafeguardingExpertConsulted, "Consulted", "c2"), default);
        await Store.AppendTimelineAsync(closed.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(3), TimelineEvent.SafeguardingAlertSent, "Alert", "a1"), default);

        await Store.DeleteAsync(closed.ReferralId, DeletedAt, default);

        var figures = new List<Sexting.Core.Monitoring.CaseFigures>();
        await foreach (var f in Store.ListReceivedAsync(ContractReferrals.ReceivedAt, ContractReferrals.ReceivedAt.AddSeconds(1), default))
        {
            figures.Add(f);
        }

        var tombstone = Assert.Single(figures);
        var counts = tombstone.EventCounts; // compared below, by value
        Assert.Equal(
            new Sexting.Core.Monitoring.CaseFigures(closed.ReferralId, closed.CrimeReference, ForceArea.DevonAndCornwall, CaseStatus.Closed, closed.ReceivedAt,
                Route.EducationAndIntervention, NoFactors, ContractReferrals.ReceivedAt.AddHours(5), "Outcome 21", "Outcome 27", ContractReferrals.ReceivedAt.AddDays(28), ContractReferrals.ReceivedAt.AddDays(3))
            { DeletedAt = DeletedAt, Setting = "URN 123456", EventCounts = counts },
            tombstone with { AggravatingFactors = tombstone.AggravatingFactors.Count == 0 ? NoFactors : tombstone.AggravatingFactors });
        Assert.Equal(
            "SafeguardingAlertSent=1 Declined=0 SafeguardingExpertConsulted=2 ReturnedToOutcome21=0",
            string.Join(' ', Sexting.Core.Monitoring.CaseFigures.CountedEvents.Select(e => $"{e}={tombstone.Count(e)}")));
        var stored = StorageHost.Flatten(await RowsOfAsync(StorageTables.Cases, closed.ReferralId));
        foreach (var personal in new[] { "Alex", "Example", "manager", "PC Example", "Delivered at school", "First incident", "@" })
        {
            Assert.DoesNotContain(personal, stored, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ListReceivedAsync_HeldCase_CountsTheTimelinesEventsAndNamesTheSetting()
    {
        var record = await CreateIndexedAsync(ContractReferrals.ReceivedAt);
        await Store.AppendTimelineAsync(record.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(1), TimelineEvent.Declined, "Declined", "d1"), default);
        await Store.AppendTimelineAsync(record.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(2), TimelineEvent.ReturnedToOutcome21, "Returned", "r1"), default);
        await Store.AppendTimelineAsync(record.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(3), TimelineEvent.Declined, "Declined", "d2"), default);
        await Store.AppendTimelineAsync(record.ReferralId, new TimelineEntry(ContractReferrals.ReceivedAt.AddHours(4), TimelineEvent.AdviceSent, "Not counted", "x1"), default);

        var figures = new List<Sexting.Core.Monitoring.CaseFigures>();
        await foreach (var f in Store.ListReceivedAsync(ContractReferrals.ReceivedAt, ContractReferrals.ReceivedAt.AddSeconds(1), default))
        {
            figures.Add(f);
        }

        var held = Assert.Single(figures);
        Assert.Equal(record.ReferralId, held.ReferralId);
        Assert.Equal("URN 123456", held.Setting);
        Assert.Equal(
            "SafeguardingAlertSent=0 Declined=2 SafeguardingExpertConsulted=0 ReturnedToOutcome21=1",
            string.Join(' ', Sexting.Core.Monitoring.CaseFigures.CountedEvents.Select(e => $"{e}={held.Count(e)}")));
    }

    [Fact]
    public void ReceivedCaseFilter_PartitionKeyIsATopLevelConjunct()
    {
        var referralId = ReferralIds.NewRandom();

        var filter = TableCaseStore.ReceivedCaseFilter(referralId);

        // "PartitionKey eq '…' and (…)": the rest is one parenthesised group, so no top-level "or" can
        // widen the query beyond the case's partition (the service would scan the table for it).
        var prefix = $"PartitionKey eq '{referralId}' and (";
        Assert.StartsWith(prefix, filter, StringComparison.Ordinal);
        var depth = 1;
        for (var i = prefix.Length; i < filter.Length; i++)
        {
            depth += filter[i] switch { '(' => 1, ')' => -1, _ => 0 };
            Assert.True(depth > 0 || i == filter.Length - 1, $"the group closes at {i} of {filter.Length}: {filter}");
        }

        Assert.Equal(0, depth);
        Assert.Equal(1, filter.Split("PartitionKey", StringSplitOptions.None).Length - 1);
    }

    [Fact]
    public async Task DeleteAsync_Twice_SecondFindsItDoneAndClearsItsRetentionEntry()
    {
        var record = await CreateIndexedAsync(ContractReferrals.ReceivedAt);
        Assert.Equal(CaseDeletion.Deleted, await Store.DeleteAsync(record.ReferralId, DeletedAt, default));
        // As if a run had crashed after deleting the case but before its retention entry went.
        await Store.SetDueAsync(new DueEntry(record.ReferralId, DueKind.Unconfirmed, ContractReferrals.ReceivedAt), default);

        Assert.Equal(CaseDeletion.AlreadyDeleted, await Store.DeleteAsync(record.ReferralId, DeletedAt.AddDays(1), default));

        Assert.Empty(await Store.GetDueAsync(DueKind.Unconfirmed, DeletedAt, default));
        Assert.Equal(CaseDeletion.NotFound, await Store.DeleteAsync(ReferralIds.NewRandom(), DeletedAt, default));
    }

    [Fact]
    public async Task GetDueAsync_RetentionKinds_AreApartFromEducation()
    {
        var id = ReferralIds.NewRandom();
        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, ContractReferrals.ReceivedAt), default);
        await Store.SetDueAsync(new DueEntry(id, DueKind.Closed, ContractReferrals.ReceivedAt.AddDays(1)), default);

        Assert.Equal([DueKind.Education], (await Store.GetDueAsync(DueKind.Education, DeletedAt, default)).Select(e => e.Kind));
        Assert.Equal([DueKind.Closed], (await Store.GetDueAsync(DueKind.Closed, DeletedAt, default)).Select(e => e.Kind));
        Assert.Empty(await Store.GetDueAsync(DueKind.Closed, ContractReferrals.ReceivedAt, default));
        Assert.Empty(await Store.GetDueAsync(DueKind.Unconfirmed, DeletedAt, default));
    }

    private Task<IReadOnlyList<EarlierReferral>> FindAlexAsync() =>
        Store.FindEarlierAsync(ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), DeletedAt, default);

    private async Task<List<TableEntity>> RowsOfAsync(string table, string partition) =>
        [.. (await _host.ReadAllAsync(table)).Where(r => r.PartitionKey == partition)];

    private async Task<CaseRecord> CreateIndexedAsync(DateTimeOffset receivedAt)
    {
        var record = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall, ("Alex Example", AlexBorn)), receivedAt, default)).Case;
        await Store.IndexPeopleAsync(record, default);
        return record;
    }
}
