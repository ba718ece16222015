using Sexting.TestSupport.Contracts;
using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>The indexes of the case store: earlier referrals, received cases, due dates.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreIndexTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly AlexBorn = new(2011, 5, 1);

    private StorageHost _host = null!;

    private ICaseStore Store => _host.Cases;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task FindEarlierAsync_SamePersonWrittenDifferently_FindsEarlierReferral()
    {
        var earlier = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, ("Alex Example", AlexBorn));
        var now = ContractReferrals.ReceivedAt.AddDays(30);
        var current = await CreateIndexedAsync(ForceArea.DevonAndCornwall, now, ("  ALEX   example ", AlexBorn));

        var found = await Store.FindEarlierAsync(
            ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("  ALEX   example ", AlexBorn)], current.ReferralId, now, default);

        var match = Assert.Single(found);
        Assert.Equal(earlier.ReferralId, match.ReferralId);
        Assert.Equal(earlier.CrimeReference, match.CrimeReference);
        Assert.Equal(PersonIdentity.KeyOf("  ALEX   example ", AlexBorn), match.PersonKey);
    }

    [Fact]
    public async Task FindEarlierAsync_OtherForceOtherBirthDateOrLater_FindsNothing()
    {
        await CreateIndexedAsync(ForceArea.Dorset, ContractReferrals.ReceivedAt, ("Alex Example", AlexBorn));
        await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, ("Alex Example", AlexBorn.AddDays(1)));
        var current = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddDays(1), ("Alex Example", AlexBorn));
        await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddDays(2), ("Alex Example", AlexBorn));

        var found = await Store.FindEarlierAsync(
            ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], current.ReferralId, current.ReceivedAt, default);

        Assert.Empty(found);
    }

    [Fact]
    public async Task FindEarlierAsync_OtherIndexKey_FindsNothing()
    {
        await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, ("Alex Example", AlexBorn));
        await using var otherKey = StorageHost.Create(azurite, _host.Prefix, indexKey: "another-index-key-of-thirty-two-chars");

        var found = await otherKey.Cases.FindEarlierAsync(
            ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);

        Assert.Empty(found);
    }

    [Fact]
    public async Task FindEarlierAsync_AzdGeneratedIndexKey_FindsWithTheSameKeyOnly()
    {
        // The 15-character secret azd generates by default: the hasher derives a 256-bit key from it.
        await using var azdKey = StorageHost.Create(azurite, indexKey: "abcdeFGHIJ12345");
        var earlier = (await azdKey.Cases.CreateAsync(
            ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall, ("Alex Example", AlexBorn)), ContractReferrals.ReceivedAt, default)).Case;
        await azdKey.Cases.IndexPeopleAsync(earlier, default);
        await using var sameSecret = StorageHost.Create(azurite, azdKey.Prefix, indexKey: "abcdeFGHIJ12345");
        await using var otherSecret = StorageHost.Create(azurite, azdKey.Prefix, indexKey: "abcdeFGHIJ12346");
        IReadOnlyList<string> person = [PersonIdentity.KeyOf("Alex Example", AlexBorn)];

        var found = await sameSecret.Cases.FindEarlierAsync(ForceArea.DevonAndCornwall, person, ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);
        var notFound = await otherSecret.Cases.FindEarlierAsync(ForceArea.DevonAndCornwall, person, ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);

        Assert.Equal(earlier.ReferralId, Assert.Single(found).ReferralId);
        Assert.Empty(notFound);
    }

    [Fact]
    public async Task IndexPeopleAsync_TwoPeopleTwice_StoresNoNameOrBirthDate()
    {
        await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, ("Alex Example", AlexBorn), ("Robin Sample", new DateOnly(2010, 2, 3)));
        var again = (await Store.GetAsync((await _host.ReadAllAsync(StorageTables.Cases)).First(r => r.RowKey == "case").PartitionKey, default))!;
        await Store.IndexPeopleAsync(again, default);

        var rows = await _host.ReadAllAsync(StorageTables.People);

        Assert.Equal(2, rows.Count);
        var text = StorageHost.Flatten(rows);
        foreach (var forbidden in new[] { "alex", "example", "robin", "sample", "2011-05-01", "2010-02-03" })
        {
            Assert.DoesNotContain(forbidden, text, StringComparison.OrdinalIgnoreCase);
        }
    }

    // Contract §3 (v2): the index stores each referral's role for the person, so the assessor can
    // tell a victim (Subject, Recipient) from an offender (Creator, Sender).
    [Fact]
    public async Task FindEarlierAsync_RolesInEarlierReferrals_EachWithItsRoleAndConfirmed()
    {
        var asSubject = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, YoungPersonRole.Subject, ("Alex Example", AlexBorn));
        var asCreator = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddDays(1), YoungPersonRole.Creator, ("Alex Example", AlexBorn));
        var now = ContractReferrals.ReceivedAt.AddDays(2);

        var found = await Store.FindEarlierAsync(ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), now, default);

        Assert.Equal(
            [(asSubject.ReferralId, asSubject.CrimeReference, YoungPersonRole.Subject), (asCreator.ReferralId, asCreator.CrimeReference, YoungPersonRole.Creator)],
            found.Select(f => (f.ReferralId, f.CrimeReference, f.Role)));
        Assert.All(found, f => Assert.Equal(ReferralStanding.Confirmed, f.Standing)); // until reporter confirmation exists
    }

    [Fact]
    public async Task FindEarlierAsync_ThreePeopleManyReferrals_OnePointReadPerPerson()
    {
        var people = new[] { ("Alex Example", AlexBorn), ("Robin Sample", new DateOnly(2010, 2, 3)), ("Sam Other", new DateOnly(2012, 3, 4)) };
        for (var i = 0; i < 5; i++)
        {
            await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddDays(i), YoungPersonRole.Sender, people);
        }

        _host.Counter.Reset();
        var found = await Store.FindEarlierAsync(
            ForceArea.DevonAndCornwall, [.. people.Select(p => PersonIdentity.KeyOf(p.Item1, p.Item2))], ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);

        Assert.Equal(15, found.Count);
        Assert.Equal(3, _host.Counter.Of("FindEarlierAsync"));
        Assert.Equal(3, _host.Counter.Total);
        Assert.Equal(3, (await _host.ReadAllAsync(StorageTables.People)).Count); // one row per person, not per referral
    }

    [Fact]
    public async Task IndexPeopleAsync_ConcurrentReferralsNamingOnePerson_NoneLost()
    {
        var records = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddMinutes(i), YoungPersonRole.Sender, ("Alex Example", AlexBorn))));

        var found = await Store.FindEarlierAsync(ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);

        Assert.Equal(records.Select(r => r.ReferralId).Order(), found.Select(f => f.ReferralId).Order());
    }

    [Theory]
    [InlineData(ReferralStanding.Unconfirmed)]
    [InlineData(ReferralStanding.Deleted)]
    [InlineData(ReferralStanding.AwaitingConfirmation)]
    public async Task SetStandingAsync_ReferralNoLongerCounts_StandingStoredWithoutARead(ReferralStanding standing)
    {
        var earlier = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, YoungPersonRole.Creator, ("Alex Example", AlexBorn));
        var other = await CreateIndexedAsync(ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt.AddDays(1), YoungPersonRole.Creator, ("Alex Example", AlexBorn));

        await _host.Get<PeopleIndex>().SetStandingAsync(earlier, standing, default);

        var found = await Store.FindEarlierAsync(ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);
        Assert.Equal(standing, found.Single(f => f.ReferralId == earlier.ReferralId).Standing);
        Assert.Equal(ReferralStanding.Confirmed, found.Single(f => f.ReferralId == other.ReferralId).Standing);
    }

    [Fact]
    public async Task IndexPeopleAsync_PersonNamedTwiceInOneReferral_MostOffendingRoleKept()
    {
        var referral = ContractReferrals.Create(ForceArea.DevonAndCornwall, ("Alex Example", AlexBorn), ("alex example", AlexBorn));
        referral = referral with { YoungPeople = [referral.YoungPeople[0] with { Role = YoungPersonRole.Recipient }, referral.YoungPeople[1] with { Reference = "YP2", Role = YoungPersonRole.Sender }] };
        var record = (await Store.CreateAsync(ReferralIds.NewRandom(), referral, ContractReferrals.ReceivedAt, default)).Case;
        await Store.IndexPeopleAsync(record, default);

        var found = await Store.FindEarlierAsync(ForceArea.DevonAndCornwall, [PersonIdentity.KeyOf("Alex Example", AlexBorn)], ReferralIds.NewRandom(), DateTimeOffset.MaxValue, default);

        Assert.Equal(YoungPersonRole.Sender, Assert.Single(found).Role);
    }

    // Contract §1, §2: a force onboarded by configuration gets its own crime reference sequence.
    [Fact]
    public async Task CreateAsync_ConfiguredThirdForce_OwnPrefixAndSequence()
    {
        var kent = new ForceProfile(ForceArea.Of("Kent"), "Kent Police", "KT", "Outcome 21", null, "Schools Officer", null, new Uri("https://www.kent.police.uk/"));
        await using var host = StorageHost.Create(azurite, forces: new ForceProfiles([.. ForceProfiles.BuiltIn.All, kent]));
        await host.WarmUpAsync();

        var first = (await host.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.Of("Kent")), ContractReferrals.ReceivedAt, default)).Case;
        var devon = (await host.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall), ContractReferrals.ReceivedAt, default)).Case;
        var second = (await host.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.Of("Kent")), ContractReferrals.ReceivedAt, default)).Case;

        Assert.Equal(("KT-2026-000001", "DC-2026-000001", "KT-2026-000002"), (first.CrimeReference, devon.CrimeReference, second.CrimeReference));
        Assert.Equal(ForceArea.Of("Kent"), (await host.Cases.GetAsync(first.ReferralId, default))!.ForceArea);
        var listed = new List<string>();
        await foreach (var record in host.Cases.ListReceivedAsync(ContractReferrals.ReceivedAt, ContractReferrals.ReceivedAt.AddSeconds(1), default))
        {
            listed.Add(record.ReferralId);
        }

        Assert.Equal(new[] { first.ReferralId, devon.ReferralId, second.ReferralId }.Order(), listed.Order());
    }

    [Fact]
    public async Task ListReceivedAsync_Range_ReturnsOnlyCasesReceivedInIt()
    {
        var dec = await CreateAsync(ForceArea.Dorset, new DateTimeOffset(2025, 12, 31, 23, 59, 59, TimeSpan.Zero));
        var jan = await CreateAsync(ForceArea.DevonAndCornwall, new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var feb = await CreateAsync(ForceArea.Dorset, new DateTimeOffset(2026, 2, 14, 9, 0, 0, TimeSpan.Zero));
        var mar = await CreateAsync(ForceArea.DevonAndCornwall, new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));

        var listed = new List<string>();
        await foreach (var record in Store.ListReceivedAsync(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), default))
        {
            listed.Add(record.ReferralId);
        }

        Assert.Equal(new[] { jan.ReferralId, feb.ReferralId }.Order(), listed.Order());
        Assert.DoesNotContain(dec.ReferralId, listed);
        Assert.DoesNotContain(mar.ReferralId, listed);
    }

    [Fact]
    public async Task GetDueAsync_TwoThousandNotDueAndFiveDue_ReadsOnlyTheFive()
    {
        var now = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
        var dueIds = Enumerable.Range(0, 5).Select(_ => ReferralIds.NewRandom()).ToHashSet();
        var entries = dueIds.Select((id, i) => new DueEntry(id, DueKind.Education, now.AddDays(-i)))
            .Concat(Enumerable.Range(1, 2000).Select(i => new DueEntry(ReferralIds.NewRandom(), DueKind.Education, now.AddMinutes(i))))
            .ToList();
        await Parallel.ForEachAsync(entries, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (e, ct) => await Store.SetDueAsync(e, ct));
        _host.Counter.Reset();

        var due = await Store.GetDueAsync(DueKind.Education, now, default);

        Assert.Equal(dueIds.Order(), due.Select(d => d.ReferralId).Order());
        Assert.Equal(1, _host.Counter.Of("GetDueAsync"));
        Assert.Equal(1, _host.Counter.Total);
    }

    // Issue 22: a referral's first entry of a kind (every caller's case) is one transaction, no read; again, nothing changes.
    [Fact]
    public async Task SetDueAsync_FirstEntry_OneRequest_AgainSameEntryNoChange()
    {
        var id = ReferralIds.NewRandom();
        var now = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
        _host.Counter.Reset();

        await Store.SetDueAsync(new DueEntry(id, DueKind.Closed, now.AddDays(-1)), default);
        Assert.Equal(1, _host.Counter.Of("SetDueAsync"));
        await Store.SetDueAsync(new DueEntry(id, DueKind.Closed, now.AddDays(-1)), default);

        Assert.Equal(new DueEntry(id, DueKind.Closed, now.AddDays(-1)), Assert.Single(await Store.GetDueAsync(DueKind.Closed, now, default)));
        Assert.Equal(2, (await _host.ReadAllAsync(StorageTables.Due)).Count); // one entry, one pointer
    }

    [Fact]
    public async Task SetDueAsync_MovedLater_IsNoLongerDueAtTheOldTime()
    {
        var id = ReferralIds.NewRandom();
        var now = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, now.AddDays(-1)), default);
        _host.Counter.Reset();

        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, now.AddDays(7)), default);

        // Issue 22: a move is the refused first-entry insert, the pointer read and the move.
        Assert.Equal(3, _host.Counter.Of("SetDueAsync"));
        Assert.Empty(await Store.GetDueAsync(DueKind.Education, now, default));
        var later = Assert.Single(await Store.GetDueAsync(DueKind.Education, now.AddDays(7), default));
        Assert.Equal(new DueEntry(id, DueKind.Education, now.AddDays(7)), later);
        Assert.Equal(2, (await _host.ReadAllAsync(StorageTables.Due)).Count); // one entry, one pointer
    }

    [Fact]
    public async Task SetDueAsync_ConcurrentMovesOfOneEntry_LeaveExactlyOneEntry()
    {
        var id = ReferralIds.NewRandom();
        var now = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);

        await Task.WhenAll(Enumerable.Range(1, 10).Select(i => Task.Run(() => Store.SetDueAsync(new DueEntry(id, DueKind.Education, now.AddHours(i)), default))));

        Assert.Single(await Store.GetDueAsync(DueKind.Education, now.AddDays(1), default));
        Assert.Equal(2, (await _host.ReadAllAsync(StorageTables.Due)).Count);
    }

    [Fact]
    public async Task RemoveDueAsync_Present_RemovesEntryAndPointer()
    {
        var id = ReferralIds.NewRandom();
        var now = new DateTimeOffset(2026, 12, 1, 7, 0, 0, TimeSpan.Zero);
        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, now), default);
        _host.Counter.Reset();

        await Store.RemoveDueAsync(id, DueKind.Education, default);
        await Store.RemoveDueAsync(id, DueKind.Education, default);

        Assert.Equal(3, _host.Counter.Of("RemoveDueAsync")); // read + transaction, then a read that finds nothing

        Assert.Empty(await Store.GetDueAsync(DueKind.Education, now, default));
        Assert.Empty(await _host.ReadAllAsync(StorageTables.Due));
    }

    private async Task<CaseRecord> CreateAsync(ForceArea force, DateTimeOffset receivedAt, params (string Name, DateOnly DateOfBirth)[] people) =>
        (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(force, people), receivedAt, default)).Case;

    private async Task<CaseRecord> CreateIndexedAsync(ForceArea force, DateTimeOffset receivedAt, params (string Name, DateOnly DateOfBirth)[] people) =>
        await CreateIndexedAsync(force, receivedAt, YoungPersonRole.Sender, people);

    private async Task<CaseRecord> CreateIndexedAsync(ForceArea force, DateTimeOffset receivedAt, YoungPersonRole role, params (string Name, DateOnly DateOfBirth)[] people)
    {
        var referral = ContractReferrals.Create(force, people);
        referral = referral with { YoungPeople = [.. referral.YoungPeople.Select(p => p with { Role = role })] };
        var record = (await Store.CreateAsync(ReferralIds.NewRandom(), referral, receivedAt, default)).Case;
        await Store.IndexPeopleAsync(record, default);
        return record;
    }
}
