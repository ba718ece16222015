using System.Globalization;
using System.Runtime.CompilerServices;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Monitoring;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>A thread-safe in-memory <see cref="ICaseStore"/> with the same idempotency and concurrency rules as the real one.</summary>
public sealed class InMemoryCaseStore(ForceProfiles? forces = null) : ICaseStore
{
    private readonly ForceProfiles _forces = forces ?? ForceProfiles.BuiltIn;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, CaseRecord> _cases = [];
    private readonly Dictionary<string, List<TimelineEntry>> _timelines = [];
    private readonly Dictionary<string, List<SentEmail>> _emails = [];
    private readonly Dictionary<(ForceArea, int), int> _sequences = [];
    private readonly Dictionary<string, HashSet<string>> _people = [];
    private readonly List<(string ReferralId, ReferralStanding Standing)> _indexed = [];
    private readonly Dictionary<(string, DueKind), DueEntry> _due = [];
    private readonly Dictionary<string, CaseFigures> _tombstones = [];
    private readonly Dictionary<string, DateTimeOffset> _awaitingSince = [];

    /// <summary>The clock that stamps when a case started awaiting authorisation (as the real store's index does).</summary>
    public Func<DateTimeOffset> Now { get; set; } = () => DateTimeOffset.UtcNow;

    /// <summary>Makes the next append of an entry matching this fail once (a fault after the email went).</summary>
    public Func<TimelineEntry, bool>? FailAppendOnce { get; set; }

    /// <summary>Makes the next due entry matching this fail once (a storage fault after the case was written).</summary>
    public Func<DueEntry, bool>? FailSetDueOnce { get; set; }

    public int CreateCalls { get; private set; }

    public Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        CreateAsync(referralId, referral, receivedAt, null, cancellationToken);

    // The fake's list follows its cases: listed at once either way.
    public Task<CaseCreation> CreateAsync(
        string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, bool listNow, CancellationToken cancellationToken) =>
        CreateAsync(referralId, referral, receivedAt, confirmation, cancellationToken);

    /// <summary>The cases <see cref="EnsureListedAsync"/> was asked to list (the fake lists every case anyway).</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string> EnsuredListed { get; } = new();

    public Task EnsureListedAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        EnsuredListed.Enqueue(@case.ReferralId);
        return Task.CompletedTask;
    }

    public Task RecordStepAsync(string referralId, TimelineEntry entry, IReadOnlyList<SentEmail> emails, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(emails);
        // As the Table store: one transaction, so a fault (FailAppendOnce) writes neither the entry nor the emails.
        lock (_lock)
        {
            AppendTimelineAsync(referralId, entry, cancellationToken).GetAwaiter().GetResult();
            foreach (var email in emails)
            {
                RecordEmailAsync(referralId, email, cancellationToken).GetAwaiter().GetResult();
            }
        }

        return Task.CompletedTask;
    }

    public Task RecordStepsAsync(string referralId, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        // As the Table store: one transaction, so a fault (FailAppendOnce) on any entry writes none of them.
        lock (_lock)
        {
            if (FailAppendOnce is { } fail && steps.Any(s => fail(s.Entry)))
            {
                FailAppendOnce = null;
                throw new Azure.RequestFailedException(503, "Injected storage fault.");
            }

            foreach (var step in steps)
            {
                RecordStepAsync(referralId, step.Entry, step.Emails, cancellationToken).GetAwaiter().GetResult();
            }
        }

        return Task.CompletedTask;
    }

    public Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            CreateCalls++;
            if (_cases.TryGetValue(referralId, out var existing))
            {
                return Task.FromResult(new CaseCreation(existing, false));
            }

            if (_tombstones.ContainsKey(referralId))
            {
                throw new CaseDeletedException(); // as the Table store: never made again after retention
            }

            // The year of receipt in UTC (contract §2), as the Table store's register counts it.
            var year = receivedAt.UtcDateTime.Year;
            var key = (referral.ForceArea, year);
            var next = _sequences.GetValueOrDefault(key) + 1;
            _sequences[key] = next;
            var crimeReference = string.Create(CultureInfo.InvariantCulture, $"{_forces.For(referral.ForceArea).CrimeReferencePrefix}-{year}-{next:000000}");
            var created = new CaseRecord(referralId, crimeReference, CaseStatus.Received, receivedAt, referral, null, null, null, Guid.NewGuid().ToString("N")) { Confirmation = confirmation };
            _cases[referralId] = created;
            _timelines[referralId] = [new TimelineEntry(receivedAt, TimelineEvent.CrimeRecorded, $"Recorded as crime {crimeReference}", "CrimeRecorded")];
            return Task.FromResult(new CaseCreation(created, true));
        }
    }

    public Task<CaseRecord?> GetAsync(string referralId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_cases.GetValueOrDefault(referralId));
        }
    }

    /// <summary>Called with each update before it is stored, so a test can look at what a reader would see then.</summary>
    public Action<CaseRecord>? BeforeUpdate { get; set; }

    public Task<CaseRecord> UpdateAsync(CaseRecord updated, CancellationToken cancellationToken)
    {
        BeforeUpdate?.Invoke(updated);
        return Store(updated);
    }

    private Task<CaseRecord> Store(CaseRecord updated)
    {
        lock (_lock)
        {
            if (!_cases.TryGetValue(updated.ReferralId, out var current))
            {
                // As the Table store: not a conflict to retry, there is nothing to update.
                throw new InvalidOperationException("There is no such case to update.");
            }

            if (current.Version != updated.Version)
            {
                throw new ConcurrencyConflictException("Stale version.");
            }

            var stored = updated with { Version = Guid.NewGuid().ToString("N") };
            _cases[updated.ReferralId] = stored;
            if (stored.Status != CaseStatus.AwaitingAuthorisation)
            {
                _awaitingSince.Remove(stored.ReferralId);
            }
            else if (current.Status != CaseStatus.AwaitingAuthorisation)
            {
                _awaitingSince[stored.ReferralId] = Now();
            }
            return Task.FromResult(stored);
        }
    }

    public Task<CaseRecord> UpdateAsync(CaseRecord updated, TimelineEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        // As the Table store: one transaction, so a stale version or a fault writes neither, and a reader never
        // sees the case without the entry (BeforeUpdate sees the entry). The lock is re-entrant and both writes
        // below complete synchronously under it.
        lock (_lock)
        {
            if (!_cases.TryGetValue(updated.ReferralId, out var current))
            {
                throw new InvalidOperationException("There is no such case to update.");
            }

            if (current.Version != updated.Version)
            {
                throw new ConcurrencyConflictException("Stale version.");
            }

            AppendTimelineAsync(updated.ReferralId, entry, cancellationToken).GetAwaiter().GetResult();
            BeforeUpdate?.Invoke(updated);
            return Store(updated);
        }
    }

    public Task AppendTimelineAsync(string referralId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailAppendOnce is { } fail && fail(entry))
            {
                FailAppendOnce = null;
                throw new Azure.RequestFailedException(503, "Injected storage fault.");
            }

            var timeline = _timelines.TryGetValue(referralId, out var list) ? list : _timelines[referralId] = [];
            if (timeline.All(t => t.Key != entry.Key))
            {
                timeline.Add(entry);
            }

            return Task.CompletedTask;
        }
    }

    public Task<CaseHistory?> GetWithHistoryAsync(string referralId, bool withEmails, CancellationToken cancellationToken)
    {
        // Under one lock, as the Table store's one query sees one snapshot.
        lock (_lock)
        {
            return Task.FromResult(_cases.TryGetValue(referralId, out var @case)
                ? new CaseHistory(@case, TimelineOf(referralId), withEmails ? EmailsOf(referralId) : [])
                : null);
        }
    }

    public Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string referralId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(TimelineOf(referralId));
        }
    }

    // Oldest first whatever the order of appends, as the Table store's row keys sort them: by time,
    // then by event, then by key. Under the lock.
    private IReadOnlyList<TimelineEntry> TimelineOf(string referralId) =>
        _timelines.TryGetValue(referralId, out var list)
            ? [.. list.OrderBy(e => e.At.UtcTicks).ThenBy(e => (int)e.Event).ThenBy(e => e.Key, StringComparer.Ordinal)]
            : [];

    public Task RecordEmailAsync(string referralId, SentEmail email, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var emails = _emails.TryGetValue(referralId, out var list) ? list : _emails[referralId] = [];
            if (emails.All(e => e.Key != email.Key))
            {
                emails.Add(email);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<SentEmail>> GetEmailsAsync(string referralId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(EmailsOf(referralId));
        }
    }

    // Under the lock.
    private IReadOnlyList<SentEmail> EmailsOf(string referralId) =>
        _emails.TryGetValue(referralId, out var list) ? [.. list.OrderBy(e => e.At)] : [];

    /// <summary>Each <see cref="IndexPeopleAsync"/> call's referral and the standing it indexed (the Table store keeps it).</summary>
    public IReadOnlyList<(string ReferralId, ReferralStanding Standing)> Indexed
    {
        get
        {
            lock (_lock)
            {
                return [.. _indexed];
            }
        }
    }

    public Task IndexPeopleAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _indexed.Add((@case.ReferralId, @case.Standing));
            foreach (var person in @case.Referral.YoungPeople)
            {
                var key = $"{@case.ForceArea}|{PersonIdentity.KeyOf(person)}";
                (_people.TryGetValue(key, out var set) ? set : _people[key] = []).Add(@case.ReferralId);
            }

            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<EarlierReferral>> FindEarlierAsync(
        ForceArea force, IReadOnlyCollection<string> personKeys, string excludingReferralId, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var found = new List<EarlierReferral>();
            foreach (var personKey in personKeys)
            {
                if (!_people.TryGetValue($"{force}|{personKey}", out var ids))
                {
                    continue;
                }

                found.AddRange(ids.Where(id => id != excludingReferralId && _cases[id].ReceivedAt < receivedBefore)
                    .Select(id => new EarlierReferral(
                        personKey,
                        id,
                        _cases[id].CrimeReference,
                        OffendingRoles.MostOffending(_cases[id].Referral.YoungPeople.Where(p => PersonIdentity.KeyOf(p) == personKey).Select(p => p.Role)),
                        _cases[id].Standing)));
            }

            return Task.FromResult<IReadOnlyList<EarlierReferral>>(found);
        }
    }

    public async IAsyncEnumerable<CaseFigures> ListReceivedAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        List<CaseFigures> cases;
        lock (_lock)
        {
            cases = [.. _cases.Values.Select(FiguresOf).Concat(_tombstones.Values).Where(c => c.ReceivedAt >= from && c.ReceivedAt < to)];
        }

        foreach (var c in cases)
        {
            await Task.Yield();
            yield return c;
        }
    }

    // Called under the lock: the figures with the counted events of the timeline (contract §8 v2), as the Table store gives them.
    private CaseFigures FiguresOf(CaseRecord @case) =>
        CaseFigures.Of(@case).WithEvents(_timelines.TryGetValue(@case.ReferralId, out var list) ? list.Select(e => e.Event) : []);

    public Task SetDueAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (FailSetDueOnce is { } fail && fail(entry))
            {
                FailSetDueOnce = null;
                throw new Azure.RequestFailedException(503, "Injected storage fault.");
            }

            _due[(entry.ReferralId, entry.Kind)] = entry;
            return Task.CompletedTask;
        }
    }

    public Task RemoveDueAsync(string referralId, DueKind kind, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _due.Remove((referralId, kind));
            return Task.CompletedTask;
        }
    }

    public Task<IReadOnlyList<DueEntry>> GetDueAsync(DueKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<DueEntry>>(_due.Values.Where(d => d.Kind == kind && d.DueAt <= now).ToList());
        }
    }

    public Task<CaseDeletion> DeleteAsync(string referralId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var result = CaseDeletion.NotFound;
            if (_cases.Remove(referralId, out var deleted))
            {
                _tombstones[referralId] = FiguresOf(deleted) with { DeletedAt = deletedAt };
                _timelines.Remove(referralId);
                _emails.Remove(referralId);
                foreach (var ids in _people.Values)
                {
                    ids.Remove(referralId);
                }

                result = CaseDeletion.Deleted;
            }
            else if (_tombstones.ContainsKey(referralId))
            {
                result = CaseDeletion.AlreadyDeleted;
            }

            foreach (var kind in Enum.GetValues<DueKind>())
            {
                _due.Remove((referralId, kind));
            }

            return Task.FromResult(result);
        }
    }

    /// <summary>Its list is read from the cases themselves: never stale.</summary>
    public Task RelistAsync(CaseRecord @case, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Nothing to backfill: the list is the cases.</summary>
    public Task<int> BackfillCaseListAsync(CancellationToken cancellationToken) => Task.FromResult(0);

    /// <summary>As the real store: the cases of the query's forces, newest first, paged by an offset.</summary>
    public Task<CaseListPage> ListCasesAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var skip = 0;
            if (query.Continuation is { } token && !int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out skip))
            {
                throw new ArgumentException("Not a case-list continuation.", nameof(query));
            }

            var matching = _cases.Values
                .Where(c => query.Forces.Contains(c.ForceArea))
                .Where(c => query.Status is null || c.Status == query.Status)
                .Where(c => string.IsNullOrEmpty(query.CrimeReferencePrefix) || c.CrimeReference.StartsWith(query.CrimeReferencePrefix, StringComparison.OrdinalIgnoreCase))
                .OrderByDescending(c => c.ReceivedAt).ThenBy(c => c.ReferralId, StringComparer.Ordinal)
                .ToList();
            var size = Math.Clamp(query.PageSize, 1, CaseListQuery.MaxPageSize);
            var page = matching.Skip(skip).Take(size).Select(c => new CaseListItem(
                c.ReferralId, c.CrimeReference, c.ForceArea, c.Status, c.Assessment?.Route, c.ReceivedAt, c.ReporterConfirmed,
                c.Confirmation?.TrustedDomain ?? true,
                _awaitingSince.TryGetValue(c.ReferralId, out var since) ? since : null,
                c.Status == CaseStatus.EducationAndIntervention && c.Education is { DeliveredAt: null } e ? e.DueBy : null)).ToList();
            var next = skip + size < matching.Count ? (skip + size).ToString(CultureInfo.InvariantCulture) : null;
            return Task.FromResult(new CaseListPage(page, next));
        }
    }

    public DueEntry? DueOf(string referralId, DueKind kind)
    {
        lock (_lock)
        {
            return _due.GetValueOrDefault((referralId, kind));
        }
    }

    /// <summary>Test helper: overwrite a case's status without the state machine.</summary>
    public void ForceStatus(string referralId, CaseStatus status)
    {
        lock (_lock)
        {
            _cases[referralId] = _cases[referralId] with { Status = status, Version = Guid.NewGuid().ToString("N") };
        }
    }
}
