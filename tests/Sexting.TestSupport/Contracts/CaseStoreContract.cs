using System.Globalization;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Xunit;

namespace Sexting.TestSupport.Contracts;

/// <summary>
/// What every <see cref="ICaseStore"/> does, run against each one: the in-memory fake the unit tests use
/// (Functions.Tests) and the Table Storage store on Azurite (Infrastructure.Tests). A fake that passes
/// these answers as the real store does where the workflow, the case list and retention depend on it.
/// Each test gets a new, empty store with the built-in forces (<see cref="ForceProfiles.BuiltIn"/>).
/// </summary>
public abstract class CaseStoreContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = ContractReferrals.ReceivedAt;

    private ICaseStore? _store;

    /// <summary>The store under test.</summary>
    protected ICaseStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The factory: a new, empty store with the built-in forces.</summary>
    protected abstract Task<ICaseStore> CreateStoreAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _store = await CreateStoreAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    private static string ReferenceOf(ForceArea force, int year, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{ForceProfiles.BuiltIn.For(force).CrimeReferencePrefix}-{year}-{number:D6}");

    private async Task<CaseRecord> CreateAsync(ForceArea? force = null, DateTimeOffset? receivedAt = null) =>
        (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(force), receivedAt ?? T0, default)).Case;

    // ----- create, get -----

    [Fact]
    public async Task CreateAsync_New_ReceivedWithTheForcesFirstReferenceAndItsTimeline()
    {
        var id = ReferralIds.NewRandom();

        var creation = await Store.CreateAsync(id, ContractReferrals.Create(ForceArea.Dorset), T0, default);

        Assert.True(creation.Created);
        Assert.Equal(id, creation.Case.ReferralId);
        Assert.Equal(ReferenceOf(ForceArea.Dorset, 2026, 1), creation.Case.CrimeReference);
        Assert.Equal(CaseStatus.Received, creation.Case.Status);
        Assert.Equal(T0, creation.Case.ReceivedAt);
        Assert.NotNull(creation.Case.Version);
        var entry = Assert.Single(await Store.GetTimelineAsync(id, default));
        Assert.Equal(TimelineEvent.CrimeRecorded, entry.Event);
        Assert.Equal(T0, entry.At);
        Assert.Contains(creation.Case.CrimeReference, entry.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_TwoReferralsOfOneForceAndYear_ConsecutiveReferences()
    {
        var first = await CreateAsync(ForceArea.DevonAndCornwall);
        var second = await CreateAsync(ForceArea.DevonAndCornwall, T0.AddMinutes(1));
        var other = await CreateAsync(ForceArea.Dorset, T0.AddMinutes(2));

        Assert.Equal(ReferenceOf(ForceArea.DevonAndCornwall, 2026, 1), first.CrimeReference);
        Assert.Equal(ReferenceOf(ForceArea.DevonAndCornwall, 2026, 2), second.CrimeReference);
        Assert.Equal(ReferenceOf(ForceArea.Dorset, 2026, 1), other.CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_YearOfReceiptInUtc_NotOfTheOffset()
    {
        // 00:30 on 1 January 2027 at +01:00 is still 2026 in UTC (contract §2: the year of receipt, UTC).
        var newYearsEve = new DateTimeOffset(2027, 1, 1, 0, 30, 0, TimeSpan.FromHours(1));

        var created = await CreateAsync(ForceArea.Dorset, newYearsEve);

        Assert.Equal(ReferenceOf(ForceArea.Dorset, 2026, 1), created.CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_Resubmitted_TheFirstCaseNotCreatedNoSecondReference()
    {
        var id = ReferralIds.NewRandom();
        var first = await Store.CreateAsync(id, ContractReferrals.Create(), T0, default);

        var again = await Store.CreateAsync(id, ContractReferrals.Create(), T0.AddMinutes(3), default);

        Assert.False(again.Created);
        Assert.Equal(first.Case.CrimeReference, again.Case.CrimeReference);
        Assert.Equal(T0, again.Case.ReceivedAt);
        Assert.Equal(first.Case.Version, again.Case.Version);
        Assert.Single(await Store.GetTimelineAsync(id, default));
        Assert.Equal(ReferenceOf(ForceArea.DevonAndCornwall, 2026, 2), (await CreateAsync()).CrimeReference);
    }

    [Fact]
    public async Task CreateAsync_FiveAtOnce_OneCreatedAllTheSameCase()
    {
        var id = ReferralIds.NewRandom();
        var referral = ContractReferrals.Create();

        var creations = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => Store.CreateAsync(id, referral, T0, default))));

        Assert.Single(creations, c => c.Created);
        Assert.All(creations, c => Assert.Equal(ReferenceOf(ForceArea.DevonAndCornwall, 2026, 1), c.Case.CrimeReference));
        Assert.Single(await Store.GetTimelineAsync(id, default));
    }

    [Fact]
    public async Task CreateAsync_WithConfirmation_StoredWithTheCase()
    {
        var id = ReferralIds.NewRandom();
        var confirmation = new ReporterConfirmation(TrustedDomain: false, ConfirmedAt: null);

        var created = await Store.CreateAsync(id, ContractReferrals.Create(), T0, confirmation, default);

        Assert.Equal(confirmation, created.Case.Confirmation);
        Assert.Equal(confirmation, (await Store.GetAsync(id, default))?.Confirmation);
    }

    [Fact]
    public async Task GetAsync_Unknown_Null()
    {
        Assert.Null(await Store.GetAsync(ReferralIds.NewRandom(), default));
    }

    [Fact]
    public async Task GetAsync_Created_TheCaseAtItsVersion()
    {
        var referral = ContractReferrals.Create(ForceArea.Dorset, ("Robin Example", new DateOnly(2012, 2, 3)));
        var created = (await Store.CreateAsync(ReferralIds.NewRandom(), referral, T0, default)).Case;

        var read = await Store.GetAsync(created.ReferralId, default);

        Assert.NotNull(read);
        Assert.Equal(created.CrimeReference, read.CrimeReference);
        Assert.Equal(CaseStatus.Received, read.Status);
        Assert.Equal(T0, read.ReceivedAt);
        Assert.Equal(created.Version, read.Version);
        Assert.Equal(referral.SubmissionId, read.Referral.SubmissionId);
        Assert.Equal(ForceArea.Dorset, read.ForceArea);
        Assert.Equal("Robin Example", Assert.Single(read.Referral.YoungPeople).Name);
        Assert.Null(read.Assessment);
        Assert.Null(read.Outcome);
        Assert.Null(read.Education);
    }

    // ----- update -----

    [Fact]
    public async Task UpdateAsync_AtTheStoredVersion_StoredWithANewVersion()
    {
        var created = await CreateAsync();

        var updated = await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, default);

        Assert.NotEqual(created.Version, updated.Version);
        var read = await Store.GetAsync(created.ReferralId, default);
        Assert.Equal(CaseStatus.AwaitingAuthorisation, read?.Status);
        Assert.Equal(updated.Version, read?.Version);
    }

    [Fact]
    public async Task UpdateAsync_StaleVersion_ConflictAndTheFirstUpdateStands()
    {
        var created = await CreateAsync();
        await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(created with { Status = CaseStatus.ReferredForInvestigation }, default));

        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await Store.GetAsync(created.ReferralId, default))?.Status);
    }

    [Fact]
    public async Task UpdateAsync_NoSuchCase_InvalidOperationNotAConflictToRetry()
    {
        var never = new CaseRecord(ReferralIds.NewRandom(), "DC-2026-000001", CaseStatus.AwaitingAuthorisation, T0, ContractReferrals.Create(), null, null, null, "any-version");

        await Assert.ThrowsAsync<InvalidOperationException>(() => Store.UpdateAsync(never, default));

        Assert.Null(await Store.GetAsync(never.ReferralId, default));
    }

    // Issue 22: a step's change and its timeline entry in one transaction.
    [Fact]
    public async Task UpdateWithEntry_AtTheStoredVersion_BothStored()
    {
        var created = await CreateAsync();
        var entry = new TimelineEntry(T0.AddMinutes(1), TimelineEvent.Authorised, "Authorised by Pat Manager", "Authorised");

        var updated = await Store.UpdateAsync(created with { Status = CaseStatus.EducationAndIntervention }, entry, default);

        Assert.NotEqual(created.Version, updated.Version);
        var read = await Store.GetAsync(created.ReferralId, default);
        Assert.Equal(CaseStatus.EducationAndIntervention, read?.Status);
        Assert.Equal(updated.Version, read?.Version);
        Assert.Single(await Store.GetTimelineAsync(created.ReferralId, default), e => e.Key == "Authorised" && e.Detail == entry.Detail);
    }

    [Fact]
    public async Task UpdateWithEntry_StaleVersion_ConflictAndNeitherWritten()
    {
        var created = await CreateAsync();
        await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, default);

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.UpdateAsync(
            created with { Status = CaseStatus.ReferredForInvestigation }, new TimelineEntry(T0.AddMinutes(1), TimelineEvent.Declined, "Declined", "Declined"), default));

        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await Store.GetAsync(created.ReferralId, default))?.Status);
        Assert.DoesNotContain(await Store.GetTimelineAsync(created.ReferralId, default), e => e.Key == "Declined");
    }

    [Fact]
    public async Task UpdateWithEntry_EntryThereAlready_CaseStoredEntryKept()
    {
        var created = await CreateAsync();
        var first = new TimelineEntry(T0.AddMinutes(1), TimelineEvent.Assessed, "Route Outcome21", "Assessed");
        await Store.AppendTimelineAsync(created.ReferralId, first, default);

        var updated = await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, first with { Detail = "A retried step" }, default);

        Assert.Equal(CaseStatus.AwaitingAuthorisation, (await Store.GetAsync(created.ReferralId, default))?.Status);
        Assert.Equal(updated.Version, (await Store.GetAsync(created.ReferralId, default))?.Version);
        Assert.Equal("Route Outcome21", Assert.Single(await Store.GetTimelineAsync(created.ReferralId, default), e => e.Key == "Assessed").Detail);
    }

    [Fact]
    public async Task UpdateAsync_FourAtOnceFromOneVersion_OneStored()
    {
        var created = await CreateAsync();
        CaseStatus[] statuses = [CaseStatus.AwaitingAuthorisation, CaseStatus.ReferredForInvestigation, CaseStatus.EducationAndIntervention, CaseStatus.Closed];

        var results = await Task.WhenAll(statuses.Select(s => Task.Run(async () =>
        {
            try
            {
                return await Store.UpdateAsync(created with { Status = s }, default);
            }
            catch (ConcurrencyConflictException)
            {
                return null;
            }
        })));

        var winner = Assert.Single(results, r => r is not null);
        Assert.Equal(winner!.Status, (await Store.GetAsync(created.ReferralId, default))?.Status);
    }

    // ----- timeline -----

    [Fact]
    public async Task AppendTimelineAsync_SameKeyTwice_StoredOnce()
    {
        var created = await CreateAsync();
        var entry = new TimelineEntry(T0.AddMinutes(1), TimelineEvent.Assessed, "Assessed: Outcome 21 proposed", "assessed");

        await Store.AppendTimelineAsync(created.ReferralId, entry, default);
        await Store.AppendTimelineAsync(created.ReferralId, entry with { Detail = "A retried step" }, default);

        var timeline = await Store.GetTimelineAsync(created.ReferralId, default);
        Assert.Equal([TimelineEvent.CrimeRecorded, TimelineEvent.Assessed], timeline.Select(e => e.Event));
        Assert.Equal(entry, timeline[1]);
    }

    [Fact]
    public async Task AppendTimelineAsync_OutOfOrder_ReadOldestFirst()
    {
        var created = await CreateAsync();
        var later = new TimelineEntry(T0.AddHours(2), TimelineEvent.AuthorisationRequested, "Authorisation requested", "requested");
        var earlier = new TimelineEntry(T0.AddHours(1), TimelineEvent.Assessed, "Assessed", "assessed");

        await Store.AppendTimelineAsync(created.ReferralId, later, default);
        await Store.AppendTimelineAsync(created.ReferralId, earlier, default);

        Assert.Equal(["CrimeRecorded", "assessed", "requested"], (await Store.GetTimelineAsync(created.ReferralId, default)).Select(e => e.Event == TimelineEvent.CrimeRecorded ? "CrimeRecorded" : e.Key));
    }

    [Fact]
    public async Task AppendTimelineAsync_EightAtOnce_AllStored()
    {
        var created = await CreateAsync();
        var entries = Enumerable.Range(1, 8).Select(i => new TimelineEntry(T0.AddMinutes(i), TimelineEvent.StepFailed, "Step " + i, "step-" + i)).ToList();

        await Task.WhenAll(entries.Select(e => Task.Run(() => Store.AppendTimelineAsync(created.ReferralId, e, default))));

        Assert.Equal(entries, (await Store.GetTimelineAsync(created.ReferralId, default)).Skip(1));
    }

    [Fact]
    public async Task GetTimelineAsync_Unknown_Empty()
    {
        Assert.Empty(await Store.GetTimelineAsync(ReferralIds.NewRandom(), default));
    }

    // ----- the case with its history, read together (contract §3) -----

    [Fact]
    public async Task GetWithHistoryAsync_Held_WhatTheSeparateReadsGive()
    {
        var created = await CreateAsync();
        var entry = new TimelineEntry(T0.AddMinutes(1), TimelineEvent.Assessed, "Route Outcome21", "Assessed");
        await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, entry, default);
        var email = new SentEmail(EmailKind.AuthorisationRequest, "manager@police.example", T0.AddMinutes(2), "email-1");
        await Store.RecordEmailAsync(created.ReferralId, email, default);

        var withEmails = await Store.GetWithHistoryAsync(created.ReferralId, withEmails: true, default);
        var without = await Store.GetWithHistoryAsync(created.ReferralId, withEmails: false, default);

        var stored = await Store.GetAsync(created.ReferralId, default);
        Assert.NotNull(withEmails);
        Assert.NotNull(without);
        Assert.Equal((stored!.Version, CaseStatus.AwaitingAuthorisation, stored.CrimeReference), (withEmails.Case.Version, withEmails.Case.Status, withEmails.Case.CrimeReference));
        Assert.Equal("Alex Example", withEmails.Case.Referral.YoungPeople[0].Name);
        Assert.Equal(await Store.GetTimelineAsync(created.ReferralId, default), withEmails.Timeline);
        Assert.Equal([email], withEmails.Emails);
        Assert.Equal(stored.Version, without.Case.Version);
        Assert.Equal(withEmails.Timeline, without.Timeline);
        Assert.Empty(without.Emails);
    }

    [Fact]
    public async Task GetWithHistoryAsync_UnknownOrDeleted_Null()
    {
        var created = await CreateAsync();
        await Store.DeleteAsync(created.ReferralId, T0.AddYears(6), default);

        Assert.Null(await Store.GetWithHistoryAsync(ReferralIds.NewRandom(), withEmails: true, default));
        Assert.Null(await Store.GetWithHistoryAsync(created.ReferralId, withEmails: true, default));
    }

    // A reader that read the case and then its timeline could see an entry whose change it had not seen
    // (the end-to-end flake of 2026-12-07: "Assessed" on the timeline, no route on the case).
    [Fact]
    public async Task GetWithHistoryAsync_WhileStepsAreStored_EveryEntrysChangeIsInTheCase()
    {
        var current = await CreateAsync();
        const int Steps = 40;
        var writing = Task.Run(async () =>
        {
            for (var i = 1; i <= Steps; i++)
            {
                var id = "advice-" + i.ToString("D2", CultureInfo.InvariantCulture);
                var advice = new SafeguardingAdvice(id, "Pat Adviser", T0.AddMinutes(i), "Advice " + i, "manager@police.example");
                current = await Store.UpdateAsync(current with { Advice = [.. current.Advice, advice] }, new TimelineEntry(T0.AddMinutes(i), TimelineEvent.SafeguardingAdviceRecorded, "Advice recorded", id), default);
            }
        });

        // Reads until the writes end (on Azurite many reads overlap them; the in-memory fake may finish its
        // writes within one read, which proves nothing but is no failure either).
        do
        {
            var read = await Store.GetWithHistoryAsync(current.ReferralId, withEmails: false, default);
            Assert.NotNull(read);
            var recorded = read.Case.Advice.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
            Assert.All(read.Timeline.Where(e => e.Event == TimelineEvent.SafeguardingAdviceRecorded), e => Assert.Contains(e.Key, recorded));
        }
        while (!writing.IsCompleted);

        await writing;
        Assert.Equal(Steps, (await Store.GetWithHistoryAsync(current.ReferralId, withEmails: false, default))!.Case.Advice.Count);
    }

    // ----- emails -----

    [Fact]
    public async Task RecordEmailAsync_SameKeyTwice_RecordedOnceOldestFirst()
    {
        var created = await CreateAsync();
        var later = new SentEmail(EmailKind.AuthorisationRequest, "manager@police.example", T0.AddMinutes(10), "email-2");
        var earlier = new SentEmail(EmailKind.SafeguardingAlert, "safeguarding@council.example", T0.AddMinutes(5), "email-1");

        await Store.RecordEmailAsync(created.ReferralId, later, default);
        await Store.RecordEmailAsync(created.ReferralId, earlier, default);
        await Store.RecordEmailAsync(created.ReferralId, later with { To = "someone.else@police.example" }, default);

        Assert.Equal([earlier, later], await Store.GetEmailsAsync(created.ReferralId, default));
    }

    // Issue 22: a step's entry and emails together; a retry, or a step whose first email was recorded alone
    // (the earlier way) before a fault, leaves each recorded once.
    [Fact]
    public async Task RecordStepAsync_RetriedAndAfterAnEmailRecordedAlone_EachRecordedOnce()
    {
        var created = await CreateAsync();
        var at = T0.AddMinutes(1);
        var entry = new TimelineEntry(at, TimelineEvent.AdviceSent, "Advice and guidance sent", "AdviceSent:authorised");
        var parent = new SentEmail(EmailKind.AdviceGuidance, "sam@family.example", at, "email-parent");
        var pupil = new SentEmail(EmailKind.AdviceGuidance, "alex@pupil.example", at, "email-pupil");
        var setting = new SentEmail(EmailKind.SettingOutcome, "dsl@school.example", at.AddMinutes(1), "email-setting");

        await Store.RecordEmailAsync(created.ReferralId, parent, default);
        await Store.RecordStepAsync(created.ReferralId, entry, [parent, pupil], default);
        await Store.RecordStepAsync(created.ReferralId, entry, [parent, pupil], default);
        await Store.RecordStepAsync(created.ReferralId, entry with { Event = TimelineEvent.SettingNotified, Key = "SettingNotified:authorised", At = setting.At }, [setting], default);
        await Store.RecordStepAsync(created.ReferralId, entry with { Event = TimelineEvent.SettingNotified, Key = "SettingNotified:authorised", At = setting.At }, [setting], default);

        Assert.Equal(["email-parent", "email-pupil", "email-setting"], (await Store.GetEmailsAsync(created.ReferralId, default)).Select(e => e.Key).Order(StringComparer.Ordinal));
        var timeline = await Store.GetTimelineAsync(created.ReferralId, default);
        Assert.Single(timeline, e => e.Key == "AdviceSent:authorised");
        Assert.Single(timeline, e => e.Key == "SettingNotified:authorised");
    }

    // Issue 22: the fan-out's three steps recorded together; a retry of them all, and a retry
    // after one of them was recorded by itself (the earlier way), leave each entry and email recorded once.
    [Fact]
    public async Task RecordStepsAsync_ThreeStepsInOrder_RetriedAndAfterOneRecordedAlone_EachRecordedOnce()
    {
        var created = await CreateAsync();
        var at = T0.AddMinutes(1);
        StepRecord[] steps =
        [
            new(new TimelineEntry(at, TimelineEvent.YouthTeamNotified, "Youth team asked", "YouthTeamNotified:authorised"),
                [new SentEmail(EmailKind.YouthTeamNotification, "yio@police.example", at, "email-youth")]),
            new(new TimelineEntry(at, TimelineEvent.AdviceSent, "Advice and guidance sent", "AdviceSent:authorised"),
                [new SentEmail(EmailKind.AdviceGuidance, "sam@family.example", at, "email-parent"), new SentEmail(EmailKind.AdviceGuidance, "alex@pupil.example", at, "email-pupil")]),
            new(new TimelineEntry(at, TimelineEvent.SettingNotified, "Setting told the outcome", "SettingNotified:authorised"),
                [new SentEmail(EmailKind.SettingOutcome, "dsl@school.example", at, "email-setting")]),
        ];
        var other = await CreateAsync();

        await Store.RecordStepsAsync(created.ReferralId, steps, default);
        await Store.RecordStepsAsync(created.ReferralId, steps, default);
        await Store.RecordStepAsync(other.ReferralId, steps[1].Entry, steps[1].Emails, default);
        await Store.RecordStepsAsync(other.ReferralId, steps, default);

        foreach (var referralId in new[] { created.ReferralId, other.ReferralId })
        {
            Assert.Equal(["email-parent", "email-pupil", "email-setting", "email-youth"], (await Store.GetEmailsAsync(referralId, default)).Select(e => e.Key).Order(StringComparer.Ordinal));
            var timeline = await Store.GetTimelineAsync(referralId, default);
            Assert.Equal(1, timeline.Count(e => e.Key == "YouthTeamNotified:authorised"));
            Assert.Equal(1, timeline.Count(e => e.Key == "AdviceSent:authorised"));
            Assert.Equal(1, timeline.Count(e => e.Key == "SettingNotified:authorised"));
        }

        // Recorded side by side, they are read back in one order: the order given (also the events' order at one time).
        Assert.Equal(["YouthTeamNotified:authorised", "AdviceSent:authorised", "SettingNotified:authorised"],
            (await Store.GetTimelineAsync(created.ReferralId, default)).Select(e => e.Key).Where(k => k.EndsWith(":authorised", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task GetEmailsAsync_Unknown_Empty()
    {
        Assert.Empty(await Store.GetEmailsAsync(ReferralIds.NewRandom(), default));
    }

    // ----- case list -----

    [Fact]
    public async Task ListCasesAsync_NewestFirstOfTheAskedForcesOnly()
    {
        var oldest = await CreateAsync(ForceArea.DevonAndCornwall, T0);
        var dorset = await CreateAsync(ForceArea.Dorset, T0.AddMinutes(1));
        var newest = await CreateAsync(ForceArea.DevonAndCornwall, T0.AddMinutes(2));

        var devon = await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], null, null, 10, null), default);
        var both = await Store.ListCasesAsync(new CaseListQuery([ForceArea.Dorset, ForceArea.DevonAndCornwall], null, null, 10, null), default);
        var none = await Store.ListCasesAsync(new CaseListQuery([], null, null, 10, null), default);

        Assert.Equal([newest.ReferralId, oldest.ReferralId], devon.Cases.Select(c => c.ReferralId));
        Assert.Null(devon.Next);
        Assert.Equal([newest.ReferralId, dorset.ReferralId, oldest.ReferralId], both.Cases.Select(c => c.ReferralId));
        Assert.Empty(none.Cases);
        Assert.Null(none.Next);
    }

    [Fact]
    public async Task ListCasesAsync_AnItem_TheCasesReferenceCodesAndTimes()
    {
        var created = (await Store.CreateAsync(ReferralIds.NewRandom(), ContractReferrals.Create(ForceArea.Dorset), T0, new ReporterConfirmation(false, null), default)).Case;

        var item = Assert.Single((await Store.ListCasesAsync(new CaseListQuery([ForceArea.Dorset], null, null, 10, null), default)).Cases);

        Assert.Equal(
            new CaseListItem(created.ReferralId, created.CrimeReference, ForceArea.Dorset, CaseStatus.Received, null, T0, false, false, null, null),
            item);
    }

    [Fact]
    public async Task ListCasesAsync_ByStatusAndReferencePrefix_OnlyThoseCases()
    {
        var received = await CreateAsync(ForceArea.DevonAndCornwall, T0);
        var waiting = await Store.UpdateAsync((await CreateAsync(ForceArea.DevonAndCornwall, T0.AddMinutes(1))) with { Status = CaseStatus.AwaitingAuthorisation }, default);
        var prefix = waiting.CrimeReference[..^1].ToLowerInvariant();

        var byStatus = await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], CaseStatus.AwaitingAuthorisation, null, 10, null), default);
        var byPrefix = await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], null, prefix, 10, null), default);
        var byReference = await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], null, received.CrimeReference, 10, null), default);

        Assert.Equal([waiting.ReferralId], byStatus.Cases.Select(c => c.ReferralId));
        Assert.Equal([waiting.ReferralId, received.ReferralId], byPrefix.Cases.Select(c => c.ReferralId));
        Assert.Equal([received.ReferralId], byReference.Cases.Select(c => c.ReferralId));
    }

    [Fact]
    public async Task ListCasesAsync_InPages_EveryCaseOnceNewestFirst()
    {
        var created = new List<CaseRecord>();
        for (var i = 0; i < 5; i++)
        {
            created.Add(await CreateAsync(i % 2 == 0 ? ForceArea.DevonAndCornwall : ForceArea.Dorset, T0.AddMinutes(i)));
        }

        var listed = new List<string>();
        string? next = null;
        var pages = 0;
        do
        {
            var page = await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall, ForceArea.Dorset], null, null, 2, next), default);
            Assert.InRange(page.Cases.Count, 0, 2);
            listed.AddRange(page.Cases.Select(c => c.ReferralId));
            next = page.Next;
            pages++;
        }
        while (next is not null && pages < 10);

        Assert.Null(next);
        Assert.Equal(created.Select(c => c.ReferralId).Reverse(), listed);
    }

    [Fact]
    public async Task ListCasesAsync_ForeignContinuation_ArgumentException()
    {
        await CreateAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() =>
            Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], null, null, 10, "not a continuation!"), default));
    }

    [Fact]
    public async Task ListCasesAsync_AwaitingAuthorisation_SinceItStartedWaitingUntilItMoves()
    {
        var created = await CreateAsync();
        var before = DateTimeOffset.UtcNow;
        var waiting = await Store.UpdateAsync(created with { Status = CaseStatus.AwaitingAuthorisation }, default);
        var after = DateTimeOffset.UtcNow;
        var query = new CaseListQuery([ForceArea.DevonAndCornwall], null, null, 10, null);

        var since = Assert.Single((await Store.ListCasesAsync(query, default)).Cases).AwaitingAuthorisationSince;
        Assert.NotNull(since);
        Assert.InRange(since.Value, before.AddSeconds(-1), after.AddSeconds(1));

        // Still waiting (another update, as a consultation makes): the time it started stays.
        var stillWaiting = await Store.UpdateAsync(waiting with { Advice = [] }, default);
        Assert.Equal(since, Assert.Single((await Store.ListCasesAsync(query, default)).Cases).AwaitingAuthorisationSince);

        await Store.UpdateAsync(stillWaiting with { Status = CaseStatus.ReferredForInvestigation }, default);
        var moved = Assert.Single((await Store.ListCasesAsync(query, default)).Cases);
        Assert.Equal(CaseStatus.ReferredForInvestigation, moved.Status);
        Assert.Null(moved.AwaitingAuthorisationSince);
    }

    // ----- due index -----

    [Fact]
    public async Task GetDueAsync_OnlyEntriesOfTheKindDueByNow()
    {
        var due = new DueEntry(ReferralIds.NewRandom(), DueKind.Education, T0);
        var notYet = new DueEntry(ReferralIds.NewRandom(), DueKind.Education, T0.AddTicks(1));
        var otherKind = new DueEntry(ReferralIds.NewRandom(), DueKind.Closed, T0.AddDays(-1));

        await Store.SetDueAsync(due, default);
        await Store.SetDueAsync(notYet, default);
        await Store.SetDueAsync(otherKind, default);

        Assert.Equal([due], await Store.GetDueAsync(DueKind.Education, T0, default));
    }

    [Fact]
    public async Task SetDueAsync_Again_MovesTheEntry_RemoveDueAsync_RemovesIt()
    {
        var id = ReferralIds.NewRandom();
        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, T0), default);

        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, T0.AddDays(7)), default);

        Assert.Empty(await Store.GetDueAsync(DueKind.Education, T0.AddDays(1), default));
        Assert.Equal([new DueEntry(id, DueKind.Education, T0.AddDays(7))], await Store.GetDueAsync(DueKind.Education, T0.AddDays(7), default));

        await Store.RemoveDueAsync(id, DueKind.Education, default);
        await Store.RemoveDueAsync(id, DueKind.Education, default);

        Assert.Empty(await Store.GetDueAsync(DueKind.Education, T0.AddDays(7), default));
    }

    // ----- delete -----

    [Fact]
    public async Task DeleteAsync_Held_NothingReadableATombstoneListed()
    {
        var created = await CreateAsync(ForceArea.DevonAndCornwall, T0);
        await Store.AppendTimelineAsync(created.ReferralId, new TimelineEntry(T0.AddMinutes(1), TimelineEvent.SafeguardingAlertSent, "Safeguarding alert sent", "alert"), default);
        await Store.RecordEmailAsync(created.ReferralId, new SentEmail(EmailKind.SafeguardingAlert, "safeguarding@council.example", T0, "email-1"), default);
        await Store.SetDueAsync(new DueEntry(created.ReferralId, DueKind.Closed, T0.AddDays(1)), default);
        var deletedAt = T0.AddYears(1);

        Assert.Equal(CaseDeletion.Deleted, await Store.DeleteAsync(created.ReferralId, deletedAt, default));

        Assert.Null(await Store.GetAsync(created.ReferralId, default));
        Assert.Empty(await Store.GetTimelineAsync(created.ReferralId, default));
        Assert.Empty(await Store.GetEmailsAsync(created.ReferralId, default));
        Assert.Empty(await Store.GetDueAsync(DueKind.Closed, T0.AddDays(2), default));
        Assert.Empty((await Store.ListCasesAsync(new CaseListQuery([ForceArea.DevonAndCornwall], null, null, 10, null), default)).Cases);
        var figures = new List<Sexting.Core.Monitoring.CaseFigures>();
        await foreach (var f in Store.ListReceivedAsync(T0, T0.AddDays(1), default))
        {
            figures.Add(f);
        }

        var tombstone = Assert.Single(figures);
        Assert.Equal(created.ReferralId, tombstone.ReferralId);
        Assert.Equal(created.CrimeReference, tombstone.CrimeReference);
        Assert.Equal(deletedAt, tombstone.DeletedAt);
        Assert.Equal(1, tombstone.Count(TimelineEvent.SafeguardingAlertSent));
    }

    [Fact]
    public async Task DeleteAsync_Again_AlreadyDeleted_Unknown_NotFound()
    {
        var created = await CreateAsync();
        await Store.DeleteAsync(created.ReferralId, T0.AddYears(1), default);

        Assert.Equal(CaseDeletion.AlreadyDeleted, await Store.DeleteAsync(created.ReferralId, T0.AddYears(1), default));
        Assert.Equal(CaseDeletion.NotFound, await Store.DeleteAsync(ReferralIds.NewRandom(), T0.AddYears(1), default));
    }

    [Fact]
    public async Task ListReceivedAsync_HeldCasesInTheRangeOnly()
    {
        var inside = await CreateAsync(ForceArea.DevonAndCornwall, T0);
        await Store.AppendTimelineAsync(inside.ReferralId, new TimelineEntry(T0.AddMinutes(1), TimelineEvent.SafeguardingAlertSent, "Safeguarding alert sent", "alert"), default);
        await CreateAsync(ForceArea.Dorset, T0.AddDays(1));
        await CreateAsync(ForceArea.Dorset, T0.AddTicks(-1));

        var figures = new List<Sexting.Core.Monitoring.CaseFigures>();
        await foreach (var f in Store.ListReceivedAsync(T0, T0.AddDays(1), default))
        {
            figures.Add(f);
        }

        var only = Assert.Single(figures);
        Assert.Equal(inside.ReferralId, only.ReferralId);
        Assert.Null(only.DeletedAt);
        Assert.Equal(1, only.Count(TimelineEvent.SafeguardingAlertSent));
    }
}
