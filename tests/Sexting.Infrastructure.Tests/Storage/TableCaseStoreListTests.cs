using Sexting.TestSupport.Contracts;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>The case-list index (contract §10; docs/storage.md "CaseList") on Azurite.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreListTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly ForceArea DC = ForceArea.DevonAndCornwall;
    private static readonly ForceArea DO = ForceArea.Dorset;

    private StorageHost _host = null!;

    private ICaseStore Store => _host.Cases;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task ListCasesAsync_ThreeCases_NewestFirstWithTheirCodes()
    {
        var first = await CreateAsync(DC, 0);
        var third = await CreateAsync(DC, 2);
        var second = await CreateAsync(DC, 1);

        var page = await Store.ListCasesAsync(Query([DC]), default);

        Assert.Equal([third.ReferralId, second.ReferralId, first.ReferralId], page.Cases.Select(c => c.ReferralId));
        Assert.Null(page.Next);
        var item = page.Cases[0];
        Assert.Equal(third.CrimeReference, item.CrimeReference);
        Assert.Equal(DC, item.ForceArea);
        Assert.Equal(CaseStatus.Received, item.Status);
        Assert.Null(item.Route);
        Assert.Equal(third.ReceivedAt, item.ReceivedAt);
        Assert.True(item.ReporterConfirmed);
        Assert.True(item.TrustedDomain);
    }

    // Issue 22: intake leaves the list row to the workflow's first update; EnsureListedAsync lists a case that
    // has none and never overwrites one.
    [Fact]
    public async Task CreateAsync_NotListedNow_ListedByItsFirstUpdateOrByEnsureListed()
    {
        var first = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(DC), ContractReferrals.ReceivedAt, null, listNow: false, default)).Case;
        var second = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(DC), ContractReferrals.ReceivedAt.AddMinutes(1), null, listNow: false, default)).Case;
        Assert.Empty((await Store.ListCasesAsync(Query([DC]), default)).Cases);

        var moved = await Store.UpdateAsync(first with { Status = CaseStatus.ReferredForInvestigation }, default);
        await Store.EnsureListedAsync(second, default);
        await Store.EnsureListedAsync(moved with { Status = CaseStatus.Received }, default);

        var page = await Store.ListCasesAsync(Query([DC]), default);
        Assert.Equal([second.ReferralId, first.ReferralId], page.Cases.Select(c => c.ReferralId));
        Assert.Equal(CaseStatus.ReferredForInvestigation, page.Cases[1].Status);
    }

    [Fact]
    public async Task ListCasesAsync_OtherForcesCases_NotListed()
    {
        var mine = await CreateAsync(DO, 0);
        await CreateAsync(DC, 1);

        var page = await Store.ListCasesAsync(Query([DO]), default);
        var none = await Store.ListCasesAsync(Query([]), default);

        Assert.Equal([mine.ReferralId], page.Cases.Select(c => c.ReferralId));
        Assert.Empty(none.Cases);
        Assert.Null(none.Next);
    }

    [Fact]
    public async Task ListCasesAsync_StatusFilter_ListsOnlyThatStatusAfterTheUpdate()
    {
        var moved = await CreateAsync(DC, 0);
        var stays = await CreateAsync(DC, 1);
        var before = await Store.ListCasesAsync(Query([DC]) with { Status = CaseStatus.AwaitingAuthorisation }, default);

        await Store.UpdateAsync(Assessed(moved).MoveTo(CaseStatus.AwaitingAuthorisation), default);

        var awaiting = await Store.ListCasesAsync(Query([DC]) with { Status = CaseStatus.AwaitingAuthorisation }, default);
        var received = await Store.ListCasesAsync(Query([DC]) with { Status = CaseStatus.Received }, default);
        Assert.Empty(before.Cases);
        var item = Assert.Single(awaiting.Cases);
        Assert.Equal(moved.ReferralId, item.ReferralId);
        Assert.Equal(Route.EducationAndIntervention, item.Route);
        Assert.Equal([stays.ReferralId], received.Cases.Select(c => c.ReferralId));
    }

    [Theory]
    [InlineData("do-", "DO")]
    [InlineData("DC-2026-000002", "DC2")]
    [InlineData("DC-2026", "DC")]
    [InlineData("DX", "")]
    public async Task ListCasesAsync_CrimeReferencePrefix_MatchesTheStartOnly(string q, string expected)
    {
        var dc1 = await CreateAsync(DC, 0);
        var dc2 = await CreateAsync(DC, 1);
        var do1 = await CreateAsync(DO, 2);
        Assert.Equal("DC-2026-000002", dc2.CrimeReference);

        var page = await Store.ListCasesAsync(Query([DC, DO]) with { CrimeReferencePrefix = q }, default);

        string[] want = expected switch
        {
            "DO" => [do1.ReferralId],
            "DC2" => [dc2.ReferralId],
            "DC" => [dc2.ReferralId, dc1.ReferralId],
            _ => [],
        };
        Assert.Equal(want, page.Cases.Select(c => c.ReferralId));
    }

    [Fact]
    public async Task ListCasesAsync_SevenCasesPagesOfThree_EachPageOneRequestAndAllNewestFirst()
    {
        var created = new List<CaseRecord>();
        for (var i = 0; i < 7; i++)
        {
            created.Add(await CreateAsync(DC, i));
        }

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            _host.Counter.Reset();
            var page = await Store.ListCasesAsync(Query([DC]) with { PageSize = 3, Continuation = next }, default);
            Assert.Equal(1, _host.Counter.Total);
            Assert.True(page.Cases.Count <= 3);
            seen.AddRange(page.Cases.Select(c => c.ReferralId));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(created.OrderByDescending(c => c.ReceivedAt).Select(c => c.ReferralId), seen);
        Assert.InRange(pages, 3, 4);
    }

    [Fact]
    public async Task ListCasesAsync_TwoForcesPagesOfTwo_MergedNewestFirstOnePagePerForce()
    {
        var created = new List<CaseRecord>();
        for (var i = 0; i < 6; i++)
        {
            created.Add(await CreateAsync(i % 3 == 0 ? DO : DC, i));
        }

        var seen = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            _host.Counter.Reset();
            var page = await Store.ListCasesAsync(Query([DC, DO]) with { PageSize = 2, Continuation = next }, default);
            Assert.True(_host.Counter.Total <= 2, $"{_host.Counter.Total} requests for one page");
            Assert.True(page.Cases.Count <= 2);
            seen.AddRange(page.Cases.Select(c => c.ReferralId));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Equal(created.OrderByDescending(c => c.ReceivedAt).Select(c => c.ReferralId), seen);
    }

    [Fact]
    public async Task ListCasesAsync_AwaitingPastReminderAndEducationPastDue_Overdue()
    {
        var awaiting = await CreateAsync(DC, 0);
        var education = await CreateAsync(DC, 1);
        var before = DateTimeOffset.UtcNow;
        var stored = await Store.UpdateAsync(Assessed(awaiting).MoveTo(CaseStatus.AwaitingAuthorisation), default);
        var afterFirst = DateTimeOffset.UtcNow;
        var dueBy = new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);
        var edu = await Store.UpdateAsync(Assessed(education).MoveTo(CaseStatus.AwaitingAuthorisation), default);
        await Store.UpdateAsync(edu.MoveTo(CaseStatus.EducationAndIntervention) with { Education = new EducationRecord(dueBy, null, null, null) }, default);
        await Task.Delay(50);
        // Advice recorded while awaiting: the time it started waiting is kept.
        await Store.UpdateAsync(stored with { Advice = [] }, default);

        var page = await Store.ListCasesAsync(Query([DC]), default);

        var a = page.Cases.Single(c => c.ReferralId == awaiting.ReferralId);
        var e = page.Cases.Single(c => c.ReferralId == education.ReferralId);
        Assert.NotNull(a.AwaitingAuthorisationSince);
        Assert.InRange(a.AwaitingAuthorisationSince!.Value, before, afterFirst);
        var reminderAfter = TimeSpan.FromDays(1);
        Assert.False(a.IsOverdue(a.AwaitingAuthorisationSince.Value + reminderAfter, reminderAfter));
        Assert.True(a.IsOverdue(a.AwaitingAuthorisationSince.Value + reminderAfter + TimeSpan.FromSeconds(1), reminderAfter));
        Assert.Equal(dueBy, e.EducationDueBy);
        Assert.Null(e.AwaitingAuthorisationSince);
        Assert.False(e.IsOverdue(dueBy, reminderAfter));
        Assert.True(e.IsOverdue(dueBy.AddMinutes(1), reminderAfter));
    }

    [Fact]
    public async Task DeleteAsync_ListedCase_NoLongerListed()
    {
        var deleted = await CreateAsync(DC, 0);
        var kept = await CreateAsync(DC, 1);

        await Store.DeleteAsync(deleted.ReferralId, DateTimeOffset.UtcNow, default);

        var page = await Store.ListCasesAsync(Query([DC]), default);
        Assert.Equal([kept.ReferralId], page.Cases.Select(c => c.ReferralId));
        Assert.DoesNotContain(await _host.ReadAllAsync("CaseList"), r => r.GetString("ReferralId") == deleted.ReferralId);
    }

    [Fact]
    public async Task CaseListRows_HoldNoPersonalData()
    {
        await CreateAsync(DC, 0);

        var rows = await _host.ReadAllAsync("CaseList");

        var text = string.Join("|", rows.SelectMany(r => ((IDictionary<string, object>)r).Values.Select(v => v?.ToString())));
        foreach (var personal in new[] { "Alex", "Example", "Jo Bloggs", "exevalley", "Academy", "Sam", "Fictional summary" })
        {
            Assert.DoesNotContain(personal, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task ListCasesAsync_NotAContinuation_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListCasesAsync(Query([DC]) with { Continuation = "not-a-token!" }, default));
    }

    [Fact]
    public async Task BackfillCaseListAsync_CasesStoredBeforeTheList_ListedOnce_ThenOneRead()
    {
        var awaiting = await Store.UpdateAsync(Assessed(await CreateAsync(DC, 0)).MoveTo(CaseStatus.AwaitingAuthorisation), default);
        var received = await CreateAsync(DO, 1);
        // As a store from before the index: the cases, and no list rows.
        var list = _host.Raw.GetTableClient(_host.Prefix + StorageTablesCaseList);
        foreach (var row in await _host.ReadAllAsync(StorageTablesCaseList))
        {
            await list.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }

        Assert.Empty((await Store.ListCasesAsync(Query([DC, DO]), default)).Cases);

        Assert.Equal(2, await Store.BackfillCaseListAsync(default));

        var page = await Store.ListCasesAsync(Query([DC, DO]), default);
        Assert.Equal([received.ReferralId, awaiting.ReferralId], page.Cases.Select(c => c.ReferralId));
        var listed = page.Cases.Single(c => c.ReferralId == awaiting.ReferralId);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, listed.Status);
        Assert.Equal(awaiting.ReceivedAt, listed.AwaitingAuthorisationSince); // the earliest it can have waited from
        _host.Counter.Reset();
        Assert.Equal(0, await Store.BackfillCaseListAsync(default));
        Assert.Equal(1, _host.Counter.Total);
    }

    [Fact]
    public async Task RelistAsync_AfterAListWriteFailedOnceTheCaseWasWritten_WritesTheRow_OtherwiseNoRequest()
    {
        var @case = await CreateAsync(DC, 0);
        _host.Counter.Reset();
        await Store.RelistAsync(@case, default);
        Assert.Equal(0, _host.Counter.Total);

        // The case written, its list row not (the table is gone for a moment).
        await _host.Raw.DeleteTableAsync(_host.Prefix + StorageTablesCaseList);
        var moved = Assessed(@case).MoveTo(CaseStatus.AwaitingAuthorisation);
        await Assert.ThrowsAnyAsync<Azure.RequestFailedException>(() => Store.UpdateAsync(moved, default));
        await _host.Raw.CreateTableIfNotExistsAsync(_host.Prefix + StorageTablesCaseList);
        var stored = (await Store.GetAsync(@case.ReferralId, default))!;
        Assert.Equal(CaseStatus.AwaitingAuthorisation, stored.Status);

        // The retry finds the change applied (CaseUpdater's no-op path), and the store writes the row.
        await Store.RelistAsync(stored, default);

        var item = Assert.Single((await Store.ListCasesAsync(Query([DC]), default)).Cases);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, item.Status);
        _host.Counter.Reset();
        await Store.RelistAsync(stored, default);
        Assert.Equal(0, _host.Counter.Total);
    }

    private const string StorageTablesCaseList = "CaseList";

    private static CaseListQuery Query(IReadOnlyCollection<ForceArea> forces) => new(forces, null, null, CaseListQuery.DefaultPageSize, null);

    private static CaseRecord Assessed(CaseRecord record) =>
        record with { Assessment = new ReferralAssessment([], [], Route.EducationAndIntervention, null) };

    private async Task<CaseRecord> CreateAsync(ForceArea force, int minutes) =>
        (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(force), ContractReferrals.ReceivedAt.AddMinutes(minutes), default)).Case;
}
