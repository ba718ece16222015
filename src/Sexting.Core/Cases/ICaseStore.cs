using Sexting.Core.Assessment;
using Sexting.Core.Monitoring;
using Sexting.Core.Referrals;

namespace Sexting.Core.Cases;

/// <summary>Where cases, their timelines and their indexes live. Every method is safe under concurrency and retry.</summary>
public interface ICaseStore
{
    /// <summary>
    /// Records the referral as a crime (§3.2.1): issues the next crime reference of its force and
    /// year and stores the case as <see cref="CaseStatus.Received"/> with a
    /// <see cref="TimelineEvent.CrimeRecorded"/> entry. Idempotent by <paramref name="referralId"/>:
    /// a second call, even a concurrent one, returns the first case with <c>Created = false</c>
    /// and issues no second reference. A call for a referral whose case retention deleted throws
    /// <see cref="CaseDeletedException"/> (contract §2, §12: never a second case).
    /// </summary>
    Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="CreateAsync(string, Referral, DateTimeOffset, CancellationToken)"/>, with the
    /// reporter's confirmation state (contract §11) stored in the same write as the case, so a case
    /// never exists without it.
    /// </summary>
    Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, CancellationToken cancellationToken);

    /// <summary>
    /// Issue 22: as <see cref="CreateAsync(string, Referral, DateTimeOffset, ReporterConfirmation?, CancellationToken)"/>;
    /// when <paramref name="listNow"/> is false a new case's list row is left to its first update (intake's workflow
    /// assesses it at once), so a first submission costs the claim and the case. <see cref="EnsureListedAsync"/>
    /// lists a case whose first update may not come.
    /// </summary>
    Task<CaseCreation> CreateAsync(
        string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, bool listNow, CancellationToken cancellationToken);

    /// <summary>Lists the case if its list row is missing; never overwrites one.</summary>
    Task EnsureListedAsync(CaseRecord @case, CancellationToken cancellationToken);

    /// <summary>The case, or null if there is none.</summary>
    Task<CaseRecord?> GetAsync(string referralId, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="updated"/> if the stored case is still at <c>updated.Version</c>; returns it with its new version.</summary>
    /// <exception cref="ConcurrencyConflictException">The case changed since it was read.</exception>
    Task<CaseRecord> UpdateAsync(CaseRecord updated, CancellationToken cancellationToken);

    /// <summary>
    /// Issue 22: <see cref="UpdateAsync(CaseRecord, CancellationToken)"/> and <see cref="AppendTimelineAsync"/> as one
    /// step: both or, on a conflict, neither. An entry whose key is there already (a retried step) is left as it is
    /// and the case still stored. Returns the case with its new version.
    /// </summary>
    /// <exception cref="ConcurrencyConflictException">The case changed since it was read; nothing was written.</exception>
    Task<CaseRecord> UpdateAsync(CaseRecord updated, TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends an entry to a case's timeline; an entry with a key already there is ignored.</summary>
    Task AppendTimelineAsync(string referralId, TimelineEntry entry, CancellationToken cancellationToken);

    /// <summary>The timeline of a case, oldest first.</summary>
    Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string referralId, CancellationToken cancellationToken);

    /// <summary>
    /// The case, its timeline and, if <paramref name="withEmails"/>, its emails (else none), read together so they
    /// agree: a step writes its state and its entry in one transaction, and a reader that read them apart could
    /// see the entry without the state it records (contract §3). Null if there is no case.
    /// </summary>
    Task<CaseHistory?> GetWithHistoryAsync(string referralId, bool withEmails, CancellationToken cancellationToken);

    /// <summary>
    /// Records an email of the case that was delivered (contract §10), in the case's own storage so it
    /// goes with the case (<see cref="DeleteAsync"/>). Idempotent by <c>email.Key</c>.
    /// </summary>
    Task RecordEmailAsync(string referralId, SentEmail email, CancellationToken cancellationToken);

    /// <summary>
    /// One email step's record (issue 22): the emails it delivered (<see cref="RecordEmailAsync"/>) and its
    /// timeline entry (<see cref="AppendTimelineAsync"/>), idempotent as those are, in one transaction.
    /// </summary>
    Task RecordStepAsync(string referralId, TimelineEntry entry, IReadOnlyList<SentEmail> emails, CancellationToken cancellationToken);

    /// <summary>
    /// The records of steps sent side by side (the fan-out, §3.4.7), in the order given, as
    /// <see cref="RecordStepAsync"/> records each and with its idempotency, in one transaction where they fit
    /// in one: parallel steps appending one by one would contend for the place at the end of the timeline.
    /// </summary>
    Task RecordStepsAsync(string referralId, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken);

    /// <summary>The emails recorded for a case, oldest first; none for an unknown case.</summary>
    Task<IReadOnlyList<SentEmail>> GetEmailsAsync(string referralId, CancellationToken cancellationToken);

    /// <summary>
    /// Records that the young people of a case (by <see cref="PersonIdentity"/> key) are named in
    /// it, so later referrals of the same force find it. Idempotent. Keys are stored only as keyed hashes.
    /// </summary>
    Task IndexPeopleAsync(CaseRecord @case, CancellationToken cancellationToken);

    /// <summary>
    /// Referrals of <paramref name="force"/> received before <paramref name="receivedBefore"/>, other
    /// than <paramref name="excludingReferralId"/>, that name a person with one of <paramref name="personKeys"/>.
    /// </summary>
    Task<IReadOnlyList<EarlierReferral>> FindEarlierAsync(
        ForceArea force, IReadOnlyCollection<string> personKeys, string excludingReferralId, DateTimeOffset receivedBefore, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of the cases received in [<paramref name="from"/>, <paramref name="to"/>), for
    /// monitoring (§2.3.1): held cases, and deleted ones by their tombstone (contract §12).
    /// </summary>
    IAsyncEnumerable<CaseFigures> ListReceivedAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Adds or moves an entry of the due index.</summary>
    Task SetDueAsync(DueEntry entry, CancellationToken cancellationToken);

    /// <summary>Removes the entry of that referral and kind, if any.</summary>
    Task RemoveDueAsync(string referralId, DueKind kind, CancellationToken cancellationToken);

    /// <summary>The entries of <paramref name="kind"/> due at or before <paramref name="now"/>; reads only those, however many others there are.</summary>
    Task<IReadOnlyList<DueEntry>> GetDueAsync(DueKind kind, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// A page of the case list (contract §10): the cases of <c>query.Forces</c>, newest first, read from
    /// the store's case-list index. A request reads at most one page of the index per force; the
    /// page's <see cref="CaseListPage.Next"/> continues where it stopped.
    /// </summary>
    /// <exception cref="ArgumentException">The continuation is not one this store issued.</exception>
    Task<CaseListPage> ListCasesAsync(CaseListQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Called when a change finds itself applied already (a retry): if this store's last write of the
    /// case's list row failed after the case itself was written, it writes the row now from
    /// <paramref name="case"/>; otherwise it does nothing (no request).
    /// </summary>
    Task RelistAsync(CaseRecord @case, CancellationToken cancellationToken);

    /// <summary>
    /// Writes the case-list row of every stored case that has none yet (cases stored before the index
    /// existed), once per store: later calls find the work recorded and make one read. Returns the rows written.
    /// </summary>
    Task<int> BackfillCaseListAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a case under retention (contract §12): its people-index entries, links, audit rows, due
    /// entries, timeline, and the case itself with its wrapped data key, so nothing of it can be read
    /// again, backups included. What remains is a tombstone of its <see cref="CaseFigures"/> (no
    /// personal data), which <see cref="ListReceivedAsync"/> lists and <see cref="GetAsync"/> does not.
    /// Idempotent: a call after a crash midway finishes the work.
    /// </summary>
    Task<CaseDeletion> DeleteAsync(string referralId, DateTimeOffset deletedAt, CancellationToken cancellationToken);
}
