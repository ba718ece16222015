using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Monitoring;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="ICaseStore"/> on Azure Table Storage (docs/storage.md). Every write is a single
/// conditional operation or a single transaction within one partition, so a retry or a
/// concurrent duplicate never half-applies.
/// </summary>
internal sealed partial class TableCaseStore(
    StorageTables tables,
    CrimeRegister register,
    PeopleIndex people,
    DueIndex due,
    CaseKeys keys,
    TimelineChain chain,
    CaseListIndex caseList,
    TimeProvider clock,
    ILogger<TableCaseStore> logger) : ICaseStore, ITimelineVerifier
{
    // The last head of each case's chain this process wrote: the next append goes straight to the
    // transaction (no read), and a head moved by another writer fails it with 412 and is read again.
    private readonly ConcurrentDictionary<string, ChainHead> _heads = new(StringComparer.Ordinal);

    // The cases whose list row this process failed to write after writing the case: a retry that finds
    // the change applied writes the row (RelistAsync). Another process's retry cannot know; the row is
    // then put right by the case's next write (docs/storage.md).
    private readonly ConcurrentDictionary<string, byte> _unlisted = new(StringComparer.Ordinal);

    /// <summary>The key of the timeline entry written with the case.</summary>
    public const string CrimeRecordedKey = "crime-recorded";

    /// <inheritdoc />
    public Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        CreateAsync(referralId, referral, receivedAt, null, cancellationToken);

    /// <inheritdoc />
    public Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, CancellationToken cancellationToken) =>
        CreateAsync(referralId, referral, receivedAt, confirmation, listNow: true, cancellationToken);

    /// <inheritdoc />
    public async Task EnsureListedAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        using var operation = StorageOperation.Begin(nameof(EnsureListedAsync));
        await caseList.EnsureAsync(@case, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<CaseCreation> CreateAsync(
        string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, bool listNow, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(referral);
        using var operation = StorageOperation.Begin(nameof(CreateAsync));

        // §3.2.1: every report is recorded as a crime. No read first: a resubmission learns of its
        // case from the claim it already has (docs/storage.md), so a first submission costs two
        // transactions. (A resubmission in a later year than its first would claim a number of the
        // new year before its case insert conflicts: the one way a number goes unused.)
        // §12: the case's data key first, so Key Vault failing costs no number: a referral without a
        // submissionId comes back with a new id, and would find no claim of the first attempt's. A
        // resubmission's stored case has its own key; this one is then dropped unused.
        var cipher = await keys.CreateAsync(referralId, cancellationToken).ConfigureAwait(false);
        var claim = await register.ClaimAsync(referralId, referral.ForceArea, receivedAt, cancellationToken).ConfigureAwait(false);
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        if (!claim.IsNew)
        {
            if (await GetAsync(referralId, cancellationToken).ConfigureAwait(false) is { } existing)
            {
                // A first attempt that stopped between the case and its list row: the row, if missing.
                await caseList.EnsureAsync(existing, null, cancellationToken).ConfigureAwait(false);
                return new CaseCreation(existing, Created: false);
            }

            // Contract §2, §12: the claim without its case is a first attempt that stopped before the case, unless
            // retention deleted the case (its tombstone says so): then it is not made again.
            if ((await table.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.TombstoneRow, ["DeletedAt"], cancellationToken).ConfigureAwait(false)).HasValue)
            {
                throw new CaseDeletedException();
            }
        }

        var record = new CaseRecord(referralId, claim.CrimeReference, CaseStatus.Received, claim.ReceivedAt, referral, null, null, null, null) { Confirmation = confirmation };
        var recorded = new TimelineEntry(claim.ReceivedAt, TimelineEvent.CrimeRecorded, "Recorded as crime " + claim.CrimeReference, CrimeRecordedKey);

        // §12: the data key's wrapped form goes on the case row, in the same transaction.
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, CaseEntities.ToEntity(record, cipher)),
            .. CaseEntities.AppendActions(referralId, recorded, cipher, chain, 1, null, null),
        ];
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            keys.Remember(cipher);
            RememberHead(actions[^1].Entity, response.Value[^1].Headers.ETag);
            // The list row after the case row: if it fails the call throws, and the retry (a
            // resubmission of the same referral) writes it (EnsureAsync above). Not now when the
            // caller's next step updates the case, which writes the row (issue 22).
            if (listNow)
            {
                await ListAsync(record, cancellationToken).ConfigureAwait(false);
            }

            LogCaseCreated(logger, referralId, claim.CrimeReference);
            return new CaseCreation(record with { Version = response.Value[0].Headers.ETag?.ToString() }, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // A concurrent duplicate stored the case first, with the same claim, and its own key (this
            // attempt's was never remembered).
            var stored = await GetAsync(referralId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The case conflicted on insert but cannot be read.", ex);
            await caseList.EnsureAsync(stored, null, cancellationToken).ConfigureAwait(false);
            return new CaseCreation(stored, Created: false);
        }
    }

    /// <inheritdoc />
    public async Task<CaseRecord?> GetAsync(string referralId, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetAsync));
        if (!ReferralIds.IsValid(referralId))
        {
            return null;
        }

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var entity = await table.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.CaseRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!entity.HasValue)
        {
            return null;
        }

        var cipher = await keys.FromRowAsync(entity.Value!, cancellationToken).ConfigureAwait(false);
        return CaseEntities.FromEntity(entity.Value!, cipher);
    }

    /// <inheritdoc />
    public async Task<CaseRecord> UpdateAsync(CaseRecord updated, CancellationToken cancellationToken)
    {
        var version = VersionToUpdate(updated);
        using var operation = StorageOperation.Begin(nameof(UpdateAsync));
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        // The case was just read, so its key is in memory: no request for it.
        var cipher = await keys.ForCaseAsync(updated.ReferralId, cancellationToken).ConfigureAwait(false);
        CaseRecord stored;
        try
        {
            var response = await table.UpdateEntityAsync(CaseEntities.ToEntity(updated, cipher), new ETag(version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            stored = updated with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The case changed since it was read.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException("There is no such case to update.", ex);
        }

        // The list row after the case row, in the same call: if it fails the update throws and the
        // caller retries; the row is an upsert of what the case now says, so a retry is harmless.
        await ListAsync(stored, cancellationToken).ConfigureAwait(false);
        return stored;
    }

    /// <inheritdoc />
    public async Task<CaseRecord> UpdateAsync(CaseRecord updated, TimelineEntry entry, CancellationToken cancellationToken)
    {
        var version = VersionToUpdate(updated);
        ArgumentNullException.ThrowIfNull(entry);

        using var operation = StorageOperation.Begin(nameof(UpdateAsync));
        var referralId = updated.ReferralId;
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            // One entity-group transaction in the case's partition: the case row (at its version), then the entry, chained.
            var head = _heads.TryGetValue(referralId, out var known) ? known : await ReadHeadAsync(table, referralId, cancellationToken).ConfigureAwait(false);
            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateReplace, CaseEntities.ToEntity(updated, cipher), new ETag(version)),
                .. CaseEntities.AppendActions(referralId, entry, cipher, chain, head.Seq + 1, head.Mac, head.ETag),
            ];
            CaseRecord stored;
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                RememberHead(actions[^1].Entity, response.Value[^1].Headers.ETag);
                stored = updated with { Version = response.Value[0].Headers.ETag?.ToString() };
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status is 409 or 412)
            {
                throw new ConcurrencyConflictException("The case changed since it was read.", ex);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 0 && ex.Status == 404)
            {
                throw new InvalidOperationException("There is no such case to update.", ex);
            }
            catch (TableTransactionFailedException ex) when (ex.FailedTransactionActionIndex == 1 && ex.Status is 409 or 412)
            {
                // The entry is there already (a retried step): the case alone, as UpdateAsync does.
                return await UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // Another entry took this place in the chain: read the head again.
                _heads.TryRemove(referralId, out _);
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            // The list row after, as UpdateAsync does.
            await ListAsync(stored, cancellationToken).ConfigureAwait(false);
            return stored;
        }
    }

    /// <summary>The version an update is conditional on (the case as it was read).</summary>
    private static string VersionToUpdate(CaseRecord updated)
    {
        ArgumentNullException.ThrowIfNull(updated);
        EnsureReferralId(updated.ReferralId);
        return updated.Version ?? throw new ArgumentException("An update needs the version it was read at.", nameof(updated));
    }

    /// <inheritdoc />
    public async Task RelistAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        if (_unlisted.ContainsKey(@case.ReferralId))
        {
            using var operation = StorageOperation.Begin(nameof(RelistAsync));
            await ListAsync(@case, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<int> BackfillCaseListAsync(CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(BackfillCaseListAsync));
        return await caseList.BackfillAsync(
            async (referralId, ct) => await GetAsync(referralId, ct).ConfigureAwait(false), clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The case's list row after the case row; a failure is remembered for <see cref="RelistAsync"/> and thrown.</summary>
    private async Task ListAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        try
        {
            await caseList.WriteAsync(record, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            _unlisted.TryRemove(record.ReferralId, out _);
        }
        catch
        {
            _unlisted[record.ReferralId] = 0;
            throw;
        }
    }

    /// <inheritdoc />
    public async Task<CaseListPage> ListCasesAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var operation = StorageOperation.Begin(nameof(ListCasesAsync));
        return await caseList.ListAsync(query, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task AppendTimelineAsync(string referralId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(entry);
        using var operation = StorageOperation.Begin(nameof(AppendTimelineAsync));
        await AppendAsync(referralId, [new StepRecord(entry, [])], cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordStepAsync(string referralId, TimelineEntry entry, IReadOnlyList<SentEmail> emails, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(emails);
        using var operation = StorageOperation.Begin(nameof(RecordStepAsync));
        await RecordAsync(referralId, new StepRecord(entry, emails), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RecordStepsAsync(string referralId, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(steps);
        using var operation = StorageOperation.Begin(nameof(RecordStepsAsync));
        // Each entry is 2 rows, each email 1, and the head 1: a transaction holds at most 100.
        if (steps.Count > 1 && steps.Sum(s => 2 + s.Emails.Count) + 1 <= StorageTables.MostPerTransaction
            && await AppendAsync(referralId, steps, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        // One step, too many rows for one transaction, or a row of these steps recorded already (a retry
        // after some were recorded one by one): each step by itself, each idempotent.
        foreach (var step in steps)
        {
            await RecordAsync(referralId, step, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RecordAsync(string referralId, StepRecord step, CancellationToken cancellationToken)
    {
        if (!await AppendAsync(referralId, [step], cancellationToken).ConfigureAwait(false))
        {
            // An email of the step was recorded already, by itself (a retry of a step recorded the earlier
            // way): record the rest one by one, then the entry.
            foreach (var email in step.Emails)
            {
                await RecordEmailAsync(referralId, email, cancellationToken).ConfigureAwait(false);
            }

            await AppendAsync(referralId, [new StepRecord(step.Entry, [])], cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The steps' entries, chained in order, and their email rows in one entity-group transaction (one
    /// partition: the case's). False when a row of theirs was there already and nothing was written (for one
    /// step: an email row; its entry there already means it was recorded, true); true when written.
    /// </summary>
    private async Task<bool> AppendAsync(string referralId, IReadOnlyList<StepRecord> steps, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
        var single = steps.Count == 1;
        for (var attempt = 1; ; attempt++)
        {
            if (attempt > 1 && single)
            {
                // After a conflict: the entry may be there already (a retried step), else the head moved.
                var marker = await table.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.TimelineKeyPrefix + TableKeys.Escape(steps[0].Entry.Key), [CaseEntities.SealedDetailProperty], cancellationToken).ConfigureAwait(false);
                if (marker.HasValue)
                {
                    return true;
                }
            }

            var head = _heads.TryGetValue(referralId, out var known) ? known : await ReadHeadAsync(table, referralId, cancellationToken).ConfigureAwait(false);
            var actions = new List<TableTransactionAction>();
            var (seq, mac) = (head.Seq, head.Mac);
            TableTransactionAction? headAction = null;
            foreach (var step in steps)
            {
                var chained = CaseEntities.AppendActions(referralId, step.Entry, cipher, chain, ++seq, mac, head.ETag);
                actions.AddRange(chained[..^1]);
                actions.AddRange(step.Emails.DistinctBy(e => e.Key, StringComparer.Ordinal)
                    .Select(e => new TableTransactionAction(TableTransactionActionType.Add, CaseEntities.EmailToEntity(referralId, e, cipher))));
                headAction = chained[^1];
                mac = ((TableEntity)headAction.Entity).GetString(TimelineChain.MacProperty);
            }

            // The head stays last: its new ETag is the transaction's last response.
            actions.Add(headAction!);
            try
            {
                var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                RememberHead(actions[^1].Entity, response.Value[^1].Headers.ETag);
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex == 0 && single)
            {
                // The entry's key is there already: a retried step, whose emails went in the same transaction
                // or (recorded the earlier way) before it. Nothing to do.
                return true;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex is { } index && index < actions.Count - 1)
            {
                // A row of these steps is there already (an email, or for several steps an entry): nothing was written.
                return false;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // Another entry took this place in the chain: read the head again.
                _heads.TryRemove(referralId, out _);
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<TimelineVerification?> VerifyTimelineAsync(string referralId, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(VerifyTimelineAsync));
        if (!ReferralIds.IsValid(referralId))
        {
            return null;
        }

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {referralId} and ((RowKey ge {CaseEntities.TimelinePrefix} and RowKey lt {CaseEntities.TimelineEnd}) or RowKey eq {TimelineChain.HeadRow} or RowKey eq {CaseEntities.CaseRow})");
        TableEntity? head = null;
        var found = false;
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            switch (row.RowKey)
            {
                case CaseEntities.CaseRow:
                    found = true;
                    break;
                case TimelineChain.HeadRow:
                    head = row;
                    break;
                default:
                    rows.Add(row);
                    break;
            }
        }

        return found ? chain.Verify(head, rows) : null;
    }

    private static async Task<ChainHead> ReadHeadAsync(TableClient table, string referralId, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(referralId, TimelineChain.HeadRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        return row.HasValue
            ? new ChainHead(row.Value!.GetInt64(TimelineChain.SeqProperty) ?? 0, row.Value.GetString(TimelineChain.MacProperty), row.Value.ETag)
            : new ChainHead(0, null, null);
    }

    private void RememberHead(ITableEntity head, ETag? etag)
    {
        if (etag is { } tag && head is TableEntity entity)
        {
            _heads[entity.PartitionKey] = new ChainHead(entity.GetInt64(TimelineChain.SeqProperty) ?? 0, entity.GetString(TimelineChain.MacProperty), tag);
        }

        if (_heads.Count > 4096)
        {
            _heads.Clear();
        }
    }

    /// <summary>Forgets what this process remembers of a case (it was deleted).</summary>
    internal void Forget(string referralId)
    {
        _heads.TryRemove(referralId, out _);
        keys.Forget(referralId);
    }

    private sealed record ChainHead(long Seq, string? Mac, ETag? ETag);

    /// <inheritdoc />
    public async Task<CaseHistory?> GetWithHistoryAsync(string referralId, bool withEmails, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetWithHistoryAsync));
        if (!ReferralIds.IsValid(referralId))
        {
            return null;
        }

        // One query of one partition (its key once, at the top), so one consistent view: a batch's rows are
        // all seen or none are (entity group transactions run with snapshot isolation). A timeline longer
        // than a page of 1,000 rows would be read in pages, each consistent on its own.
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var rows = TableClient.CreateQueryFilter(
            $"RowKey eq {CaseEntities.CaseRow} or (RowKey ge {CaseEntities.TimelinePrefix} and RowKey lt {CaseEntities.TimelineEnd})");
        if (withEmails)
        {
            rows += " or " + TableClient.CreateQueryFilter($"(RowKey ge {CaseEntities.EmailPrefix} and RowKey lt {CaseEntities.EmailEnd})");
        }

        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {referralId}") + " and (" + rows + ")";

        TableEntity? held = null;
        var timeline = new List<TableEntity>();
        var emails = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.RowKey == CaseEntities.CaseRow)
            {
                held = row;
            }
            else if (row.RowKey.StartsWith(CaseEntities.TimelinePrefix, StringComparison.Ordinal))
            {
                timeline.Add(row);
            }
            else
            {
                emails.Add(row);
            }
        }

        if (held is null)
        {
            return null;
        }

        var cipher = await keys.FromRowAsync(held, cancellationToken).ConfigureAwait(false);
        return new CaseHistory(
            CaseEntities.FromEntity(held, cipher),
            [.. timeline.Select(r => CaseEntities.TimelineFromEntity(r, cipher))],
            [.. emails.Select(r => CaseEntities.EmailFromEntity(r, cipher)).OrderBy(e => e.At)]);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TimelineEntry>> GetTimelineAsync(string referralId, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetTimelineAsync));
        if (!ReferralIds.IsValid(referralId))
        {
            return [];
        }

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {referralId} and RowKey ge {CaseEntities.TimelinePrefix} and RowKey lt {CaseEntities.TimelineEnd}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        // The case was usually read just before, so its key is in memory.
        var cipher = rows.Any(r => r.GetBinary(CaseEntities.SealedDetailProperty) is not null)
            ? await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false)
            : null;
        return [.. rows.Select(r => CaseEntities.TimelineFromEntity(r, cipher))];
    }

    /// <inheritdoc />
    public async Task RecordEmailAsync(string referralId, SentEmail email, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(email);
        using var operation = StorageOperation.Begin(nameof(RecordEmailAsync));
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(CaseEntities.EmailToEntity(referralId, email, cipher), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Recorded already: a retried step.
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SentEmail>> GetEmailsAsync(string referralId, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetEmailsAsync));
        if (!ReferralIds.IsValid(referralId))
        {
            return [];
        }

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {referralId} and RowKey ge {CaseEntities.EmailPrefix} and RowKey lt {CaseEntities.EmailEnd}");
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        if (rows.Count == 0)
        {
            return [];
        }

        var cipher = await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
        return [.. rows.Select(r => CaseEntities.EmailFromEntity(r, cipher)).OrderBy(e => e.At)];
    }

    /// <inheritdoc />
    public async Task IndexPeopleAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(IndexPeopleAsync));
        await people.IndexAsync(@case, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<EarlierReferral>> FindEarlierAsync(
        ForceArea force, IReadOnlyCollection<string> personKeys, string excludingReferralId, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(FindEarlierAsync));
        return await people.FindEarlierAsync(force, personKeys, excludingReferralId, receivedBefore, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<CaseFigures> ListReceivedAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(ListReceivedAsync));
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        await foreach (var referralId in register.ListReceivedAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            // One request: the case row, or the tombstone of a deleted case (contract §12), and the
            // timeline rows of the counted events (contract §8 v2; their Event column is a code, in clear).
            // A claim whose case was never stored (a crash between the two) lists nothing until a retry stores it.
            var filter = ReceivedCaseFilter(referralId);
            TableEntity? held = null, tombstone = null;
            var events = new List<TimelineEvent>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                if (row.RowKey == CaseEntities.CaseRow)
                {
                    held = row;
                }
                else if (row.RowKey == CaseEntities.TombstoneRow)
                {
                    tombstone = row;
                }
                else
                {
                    events.Add(Enum.Parse<TimelineEvent>(row.GetString("Event")));
                }
            }

            if (held is not null)
            {
                var cipher = await keys.FromRowAsync(held, cancellationToken).ConfigureAwait(false);
                yield return CaseFigures.Of(CaseEntities.FromEntity(held, cipher)).WithEvents(events);
            }
            else if (tombstone is not null)
            {
                yield return CaseEntities.FromTombstone(tombstone);
            }
        }
    }

    // The timeline rows of a counted event (contract §8 v2): a range of row keys and the event's code.
    private static string CountedTimelineRows(string referralId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {referralId} and ") + CountedTimelineRowKeys;

    /// <summary>
    /// The one query <see cref="ListReceivedAsync"/> makes per case: its case row or tombstone, and its
    /// counted timeline rows. The partition key is a conjunct at the top, so the service reads one
    /// partition; under a top-level <c>or</c> of two clauses it may scan the table instead.
    /// </summary>
    internal static string ReceivedCaseFilter(string referralId) =>
        TableClient.CreateQueryFilter($"PartitionKey eq {referralId} and ((RowKey eq {CaseEntities.CaseRow} or RowKey eq {CaseEntities.TombstoneRow}) or (")
        + CountedTimelineRowKeys + "))";

    private static readonly string CountedEventsFilter = string.Join(" or ", CaseFigures.CountedEvents.Select(e => $"Event eq '{e}'"));

    // After CountedEventsFilter: static fields are initialised in the order they are written.
    private static readonly string CountedTimelineRowKeys =
        TableClient.CreateQueryFilter($"RowKey ge {CaseEntities.TimelinePrefix} and RowKey lt {CaseEntities.TimelineEnd}")
        + " and (" + CountedEventsFilter + ")";

    // The counted events of a case's timeline (contract §8 v2), for its tombstone.
    private static async Task<List<TimelineEvent>> CountedEventsAsync(TableClient cases, string referralId, CancellationToken cancellationToken)
    {
        var filter = CountedTimelineRows(referralId);
        var events = new List<TimelineEvent>();
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, select: ["Event"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            events.Add(Enum.Parse<TimelineEvent>(row.GetString("Event")));
        }

        return events;
    }

    /// <inheritdoc />
    public async Task<CaseDeletion> DeleteAsync(string referralId, DateTimeOffset deletedAt, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        using var operation = StorageOperation.Begin(nameof(DeleteAsync));
        var cases = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var @case = await GetAsync(referralId, cancellationToken).ConfigureAwait(false);
        CaseDeletion result;
        if (@case is null)
        {
            var tombstone = await cases.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.TombstoneRow, ["DeletedAt"], cancellationToken).ConfigureAwait(false);
            result = tombstone.HasValue ? CaseDeletion.AlreadyDeleted : CaseDeletion.NotFound;
        }
        else
        {
            // The tombstone first, so the figures never lose the case; the case row (with its wrapped
            // data key) last, so a crash midway leaves a case that the next run deletes again.
            var counted = await CountedEventsAsync(cases, referralId, cancellationToken).ConfigureAwait(false);
            await cases.UpsertEntityAsync(CaseEntities.ToTombstone(CaseFigures.Of(@case).WithEvents(counted) with { DeletedAt = deletedAt }), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            await caseList.RemoveAsync(@case, cancellationToken).ConfigureAwait(false);
            await people.RemoveAsync(@case, cancellationToken).ConfigureAwait(false);
            var links = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
            var audit = await tables.GetAsync(StorageTables.Audit, cancellationToken).ConfigureAwait(false);
            await PartitionPurge.DeleteAsync(links, referralId, [], cancellationToken).ConfigureAwait(false);
            await PartitionPurge.DeleteAsync(audit, referralId, [], cancellationToken).ConfigureAwait(false);
            await due.RemoveAsync(referralId, DueKind.Education, cancellationToken).ConfigureAwait(false);
            await PartitionPurge.DeleteAsync(cases, referralId, [CaseEntities.CaseRow, CaseEntities.TombstoneRow], cancellationToken).ConfigureAwait(false);
            await cases.DeleteEntityAsync(referralId, CaseEntities.CaseRow, ETag.All, cancellationToken).ConfigureAwait(false);
            LogCaseDeleted(logger, referralId, @case.CrimeReference);
            result = CaseDeletion.Deleted;
        }

        // The retention entries last: while one is left, the next run comes back to this case. (An
        // entry of no case at all points nowhere and goes too.)
        foreach (var kind in new[] { DueKind.Closed, DueKind.Unconfirmed })
        {
            await due.RemoveAsync(referralId, kind, cancellationToken).ConfigureAwait(false);
        }

        Forget(referralId);
        return result;
    }

    /// <inheritdoc />
    public async Task SetDueAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        EnsureReferralId(entry.ReferralId);
        using var operation = StorageOperation.Begin(nameof(SetDueAsync));
        await due.SetAsync(entry, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task RemoveDueAsync(string referralId, DueKind kind, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        using var operation = StorageOperation.Begin(nameof(RemoveDueAsync));
        await due.RemoveAsync(referralId, kind, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<DueEntry>> GetDueAsync(DueKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetDueAsync));
        return await due.GetDueAsync(kind, now, cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureReferralId(string referralId)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {ReferralId} (crime {CrimeReference}) deleted under retention; its tombstone remains")]
    private static partial void LogCaseDeleted(ILogger logger, string referralId, string crimeReference);

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {ReferralId} recorded as crime {CrimeReference}")]
    private static partial void LogCaseCreated(ILogger logger, string referralId, string crimeReference);
}
