using Sexting.TestSupport.Contracts;
using System.Text.Json;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Core.Serialization;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableCaseStoreTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private StorageHost _host = null!;

    private ICaseStore Store => _host.Cases;

    public async Task InitializeAsync()
    {
        _host = StorageHost.Create(azurite);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task CreateAsync_NewReferral_StoresReceivedCaseWithCrimeRecordedEntry()
    {
        var id = ReferralIds.NewRandom();
        var referral = ContractReferrals.Create();

        var creation = await Store.CreateAsync(id, referral, ContractReferrals.ReceivedAt, default);

        Assert.True(creation.Created);
        Assert.Equal("DC-2026-000001", creation.Case.CrimeReference);
        Assert.Equal(CaseStatus.Received, creation.Case.Status);
        Assert.NotNull(creation.Case.Version);
        var stored = await Store.GetAsync(id, default);
        Assert.NotNull(stored);
        Assert.Equal(creation.Case.Version, stored.Version);
        Assert.Equal(ContractReferrals.ReceivedAt, stored.ReceivedAt);
        Assert.Equal(Json(referral), Json(stored.Referral));
        var timeline = await Store.GetTimelineAsync(id, default);
        var entry = Assert.Single(timeline);
        Assert.Equal(TimelineEvent.CrimeRecorded, entry.Event);
        Assert.Contains("DC-2026-000001", entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TwentyParallelDuplicates_CreatesOneCase()
    {
        var id = ReferralIds.NewRandom();
        var referral = ContractReferrals.Create();

        var creations = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ =>
            Task.Run(() => Store.CreateAsync(id, referral, ContractReferrals.ReceivedAt, default))));

        Assert.Single(creations, c => c.Created);
        Assert.Single(creations.Select(c => c.Case.CrimeReference).Distinct());
        var claims = (await _host.ReadAllAsync(StorageTables.CrimeRegister)).Where(r => r.RowKey.StartsWith("c|", StringComparison.Ordinal));
        Assert.Single(claims);
        Assert.Single(await Store.GetTimelineAsync(id, default));
    }

    [Fact]
    public async Task CreateAsync_DuplicateOnAnotherHost_ReturnsFirstCaseNotCreated()
    {
        await using var other = StorageHost.Create(azurite, _host.Prefix);
        var id = ReferralIds.NewRandom();
        var first = await Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        var second = await other.Cases.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt.AddMinutes(5), default);

        Assert.False(second.Created);
        Assert.Equal(first.Case.CrimeReference, second.Case.CrimeReference);
        Assert.Equal(first.Case.ReceivedAt, second.Case.ReceivedAt);
    }

    [Fact]
    public async Task CreateAsync_TwoHundredParallelReferrals_IssuesDistinctConsecutiveReferences()
    {
        var creations = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            Task.Run(() => Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default))));

        Assert.All(creations, c => Assert.True(c.Created));
        var references = creations.Select(c => c.Case.CrimeReference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 200).Select(n => $"DC-2026-{n:D6}"), references);
    }

    [Fact]
    public async Task CreateAsync_ParallelOnTwoHosts_IssuesDistinctConsecutiveReferences()
    {
        await using var other = StorageHost.Create(azurite, _host.Prefix);
        var stores = new[] { Store, other.Cases };

        var creations = await Task.WhenAll(Enumerable.Range(0, 60).Select(i =>
            Task.Run(() => stores[i % 2].CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.Dorset), ContractReferrals.ReceivedAt, default))));

        var references = creations.Select(c => c.Case.CrimeReference).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(Enumerable.Range(1, 60).Select(n => $"DO-2026-{n:D6}"), references);
    }

    [Fact]
    public async Task CreateAsync_ForcesAndYears_NumberEachSequenceFromOne()
    {
        var newYear = new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1)); // still 2026 in UTC

        var dc = await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall), ContractReferrals.ReceivedAt, default);
        var dorset = await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.Dorset), ContractReferrals.ReceivedAt, default);
        var dcNewYearLocal = await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall), newYear, default);
        var dc2027 = await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.DevonAndCornwall), newYear.AddHours(1), default);

        Assert.Equal("DC-2026-000001", dc.Case.CrimeReference);
        Assert.Equal("DO-2026-000001", dorset.Case.CrimeReference);
        Assert.Equal("DC-2026-000002", dcNewYearLocal.Case.CrimeReference);
        Assert.Equal("DC-2027-000001", dc2027.Case.CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_HappyPath_UsesTwoTransactionsAndTheListRow()
    {
        await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        _host.Counter.Reset();

        await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        // The claim (counter, claim, received row) and the case with its first timeline entry: no read
        // first; then the case-list row (another table, so not in the case's transaction).
        Assert.Equal(3, _host.Counter.Of("CreateAsync"));
        Assert.Equal(3, _host.Counter.Total);
    }

    [Fact]
    public async Task CreateAsync_FirstOfItsForceAndYearInProcess_ReadsCounterOnce()
    {
        await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        await using var other = StorageHost.Create(azurite, _host.Prefix);
        await other.WarmUpAsync();

        var creation = await other.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        Assert.Equal("DC-2026-000002", creation.Case.CrimeReference);
        Assert.Equal(4, other.Counter.Of("CreateAsync")); // the counter read, the claim, the case, the list row
    }

    [Fact]
    public async Task CreateAsync_AfterClaimWithoutCase_ReusesClaimedNumber()
    {
        // A host that died between claiming the number and storing the case.
        var id = ReferralIds.NewRandom();
        var claim = await _host.Get<CrimeRegister>().ClaimAsync(id, ForceArea.DevonAndCornwall, ContractReferrals.ReceivedAt, default);
        await using var retrying = StorageHost.Create(azurite, _host.Prefix);

        var creation = await retrying.Cases.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt.AddMinutes(1), default);
        var next = await retrying.Cases.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        Assert.True(creation.Created);
        Assert.Equal(claim.CrimeReference, creation.Case.CrimeReference);
        Assert.Equal(ContractReferrals.ReceivedAt, creation.Case.ReceivedAt);
        Assert.Equal("DC-2026-000002", next.Case.CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_Resubmission_LearnsOfItsCaseFromTheClaimInFourRequests()
    {
        var id = ReferralIds.NewRandom();
        await Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        _host.Counter.Reset();

        var again = await Store.CreateAsync(id, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        // The claim that fails at its insert, the stored claim read, the case read, the list row's
        // insert-if-missing (it is there: 409); and no number used.
        Assert.Equal(4, _host.Counter.Total);
        Assert.False(again.Created);
        Assert.Equal(again.Case.CrimeReference, (await Store.GetAsync(id, default))!.CrimeReference);
        var next = await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        Assert.Equal(NextAfter(again.Case.CrimeReference), next.Case.CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_ReferralLargerThanOneProperty_RoundTrips()
    {
        // Random CJK text compresses badly and serialises as \uXXXX: well over one 64 KiB property.
        var random = new Random(28);
        var summary = new string([.. Enumerable.Range(0, 40_000).Select(_ => (char)random.Next(0x4E00, 0x9FFF))]);
        var referral = ContractReferrals.Create() with { Incident = new Incident(new DateOnly(2026, 11, 20), summary, true) };
        var id = ReferralIds.NewRandom();

        await Store.CreateAsync(id, referral, ContractReferrals.ReceivedAt, default);

        var stored = await Store.GetAsync(id, default);
        Assert.Equal(summary, stored!.Referral.Incident.Summary);
        var row = (await _host.ReadAllAsync(StorageTables.Cases)).Single(r => r.PartitionKey == id && r.RowKey == "case");
        Assert.NotNull(row.GetBinary("Referral_1"));
    }

    [Fact]
    public async Task CreateAsync_NotAReferralId_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Store.CreateAsync("not-an-id", ContractReferrals.Create(), ContractReferrals.ReceivedAt, default));
    }

    [Fact]
    public async Task GetAsync_Unknown_ReturnsNull()
    {
        Assert.Null(await Store.GetAsync(ReferralIds.NewRandom(), default));
        Assert.Null(await Store.GetAsync("../../etc", default));
    }

    [Fact]
    public async Task UpdateAsync_CurrentVersion_StoresChangesAndNewVersion()
    {
        var created = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case;
        var assessment = new ReferralAssessment([], [], Route.EducationAndIntervention, new ProposedOutcome("Outcome 21", "Outcome 27"));
        _host.Counter.Reset();

        var updated = await Store.UpdateAsync(created.MoveTo(CaseStatus.AwaitingAuthorisation) with { Assessment = assessment }, default);

        // The case row; then the list row: read (the time it started awaiting authorisation is kept) and upsert.
        Assert.Equal(3, _host.Counter.Of("UpdateAsync"));
        Assert.NotEqual(created.Version, updated.Version);
        var stored = await Store.GetAsync(created.ReferralId, default);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, stored!.Status);
        Assert.Equal(Json(assessment), Json(stored.Assessment));
        Assert.Equal(updated.Version, stored.Version);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ThrowsConflictAndKeepsFirstUpdate()
    {
        var created = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case;
        var due = new DateTimeOffset(2026, 12, 26, 10, 0, 0, TimeSpan.Zero);
        await Store.UpdateAsync(created with { Education = new EducationRecord(due, null, null, "first") }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() =>
            Store.UpdateAsync(created with { Education = new EducationRecord(due, null, null, "second") }, default));

        Assert.Equal("first", (await Store.GetAsync(created.ReferralId, default))!.Education!.Notes);
    }

    [Fact]
    public async Task UpdateAsync_TenConcurrentReadModifyWriteLoops_LoseNoUpdate()
    {
        var id = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case.ReferralId;
        var due = new DateTimeOffset(2026, 12, 26, 10, 0, 0, TimeSpan.Zero);
        var conflicts = 0;

        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(async () =>
        {
            while (true)
            {
                var current = (await Store.GetAsync(id, default))!;
                var notes = (current.Education?.Notes ?? string.Empty) + $"[{i}]";
                try
                {
                    await Store.UpdateAsync(current with { Education = new EducationRecord(due, null, null, notes) }, default);
                    return;
                }
                catch (ConcurrencyConflictException)
                {
                    Interlocked.Increment(ref conflicts);
                }
            }
        })));

        var final = (await Store.GetAsync(id, default))!.Education!.Notes!;
        Assert.All(Enumerable.Range(0, 10), i => Assert.Contains($"[{i}]", final, StringComparison.Ordinal));
        Assert.True(conflicts > 0, "the loops should have collided at least once");
    }

    [Fact]
    public async Task AppendTimelineAsync_OutOfOrder_ReadsOldestFirst()
    {
        var id = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case.ReferralId;
        var t = ContractReferrals.ReceivedAt;
        _host.Counter.Reset();

        await Store.AppendTimelineAsync(id, new TimelineEntry(t.AddMinutes(3), TimelineEvent.AuthorisationRequested, "to the line manager", "auth-requested/1"), default);
        await Store.AppendTimelineAsync(id, new TimelineEntry(t.AddMinutes(1), TimelineEvent.Assessed, "no aggravating factor", "assessed"), default);
        await Store.AppendTimelineAsync(id, new TimelineEntry(t.AddMinutes(2), TimelineEvent.SafeguardingAlertSent, "alert #1?", "alert#1?"), default);

        Assert.Equal(3, _host.Counter.Of("AppendTimelineAsync"));
        var timeline = await Store.GetTimelineAsync(id, default);
        Assert.Equal(
            [TimelineEvent.CrimeRecorded, TimelineEvent.Assessed, TimelineEvent.SafeguardingAlertSent, TimelineEvent.AuthorisationRequested],
            timeline.Select(e => e.Event));
        Assert.Equal("alert#1?", timeline[2].Key);
        Assert.Equal(t.AddMinutes(2), timeline[2].At);
    }

    [Fact]
    public async Task AppendTimelineAsync_SameKeyAgainLater_StoresOnce()
    {
        var id = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case.ReferralId;
        var entry = new TimelineEntry(ContractReferrals.ReceivedAt.AddMinutes(1), TimelineEvent.Assessed, "assessed", "assessed");

        await Store.AppendTimelineAsync(id, entry, default);
        await Task.WhenAll(Enumerable.Range(0, 5).Select(i => Store.AppendTimelineAsync(id, entry with { At = entry.At.AddSeconds(i) }, default)));

        var timeline = await Store.GetTimelineAsync(id, default);
        Assert.Equal(2, timeline.Count);
        Assert.Equal(entry, timeline[1]);
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SextingJson.Options);

    private static string NextAfter(string crimeReference)
    {
        var number = int.Parse(crimeReference[^6..], System.Globalization.CultureInfo.InvariantCulture);
        return crimeReference[..^6] + (number + 1).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task CreateAsync_ThirtyTwoConcurrentOnOneHost_ShareClaimTransactions_NoGapsNoRepeats()
    {
        await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        _host.Counter.Reset();

        var creations = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ =>
            Task.Run(() => Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default))));

        var numbers = creations.Select(c => int.Parse(c.Case.CrimeReference[^6..], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(numbers[0], 32), numbers);
        // Group commit: claims that arrive while one is in flight go together, so 32 cases need fewer
        // than 32 claim transactions (32 case inserts + 32 list rows + the claims' transactions).
        Assert.True(_host.Counter.Total < 96, $"{_host.Counter.Total} transactions for 32 cases: the claims were not grouped");
    }

    // Contract §2: six digits. The last number is issued; past it the referral is refused, never given a seventh
    // digit, and a resubmission of a referral that has its number still finds its case.
    [Fact]
    public async Task CreateAsync_RegisterAtItsLastNumbers_LastIssuedThenRefusedAndResubmissionStillFound()
    {
        var register = _host.Raw.GetTableClient(_host.Prefix + StorageTables.CrimeRegister);
        await register.CreateIfNotExistsAsync();
        await register.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("DC-2026", "counter") { ["Value"] = 999_998L });
        var last = ReferralIds.NewRandom();

        var issued = await Store.CreateAsync(last, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);
        var refused = ReferralIds.NewRandom();
        await Assert.ThrowsAsync<CrimeRegisterFullException>(() => Store.CreateAsync(refused, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default));
        var again = await Store.CreateAsync(last, ContractReferrals.Create(), ContractReferrals.ReceivedAt, default);

        Assert.Equal("DC-2026-999999", issued.Case.CrimeReference);
        Assert.Null(await Store.GetAsync(refused, default));
        Assert.False(again.Created);
        Assert.Equal("DC-2026-999999", again.Case.CrimeReference);
        Assert.Equal(999_999L, (await register.GetEntityAsync<Azure.Data.Tables.TableEntity>("DC-2026", "counter")).Value.GetInt64("Value"));
    }

    [Fact]
    public async Task CreateAsync_ConcurrentPastTheLastNumber_OnlyTheRoomLeftIssued()
    {
        var register = _host.Raw.GetTableClient(_host.Prefix + StorageTables.CrimeRegister);
        await register.CreateIfNotExistsAsync();
        await register.UpsertEntityAsync(new Azure.Data.Tables.TableEntity("DC-2026", "counter") { ["Value"] = 999_996L });

        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(), ContractReferrals.ReceivedAt, default)).Case.CrimeReference;
            }
            catch (CrimeRegisterFullException)
            {
                return null;
            }
        })));

        Assert.Equal(["DC-2026-999997", "DC-2026-999998", "DC-2026-999999"], attempts.OfType<string>().Order(StringComparer.Ordinal));
        Assert.Equal(5, attempts.Count(a => a is null));
    }
}
