using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Issues crime references (§3.2.1, contract §2): per force and year of receipt (UTC), six digits,
/// unique and without gaps. One partition per force and year holds the counter, a claim per
/// referral and a received-index row per referral; the counter's ETag-conditional update and the
/// inserts go in ONE transaction, so a number exists exactly when its claim does. A retry finds the
/// claim and gets the same number.
/// <para>
/// Group commit: within a process, the claims of one counter that arrive while a transaction is in
/// flight wait for it and then go together in the next one, which moves the counter by their number
/// and inserts all their claims (up to <see cref="MaxBatch"/>; a transaction holds at most 100
/// entities). So the counter's one-at-a-time update does not make intake one-at-a-time: throughput
/// grows with the clients. The counter's last ETag is reused (no read per claim); across processes
/// the ETag condition decides, with jittered retry. A referral that already has its claim fails
/// that transaction at its claim's insert; it is answered from its stored claim and the rest go again.
/// </para>
/// </summary>
internal sealed partial class CrimeRegister(StorageTables tables, ForceProfiles forces, ILogger<CrimeRegister> logger)
{
    /// <summary>Most claims in one transaction: a counter update and two inserts each, at most 100 entities.</summary>
    public const int MaxBatch = 32;

    /// <summary>The last number of a force's year: six digits (contract §2).</summary>
    public const long LastNumber = 999_999;

    private const string CounterRow = "counter";
    private const string ClaimPrefix = "c|";
    private const string ReceivedPrefix = "r|";
    private const string ValueProperty = "Value";

    // The product did not exist before this year; bounds the partitions a range query visits.
    private const int FirstYear = 2000;
    private const int LastYear = 2200;

    private readonly ConcurrentDictionary<string, CounterSlot> _counters = new(StringComparer.Ordinal);

    /// <summary>Claims the next crime reference for <paramref name="referralId"/>, or finds the one it already has.</summary>
    public async Task<CrimeReferenceClaim> ClaimAsync(string referralId, ForceArea force, DateTimeOffset receivedAt, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.CrimeRegister, cancellationToken).ConfigureAwait(false);
        var year = receivedAt.UtcDateTime.Year;
        var partition = PartitionOf(force, year);
        var slot = _counters.GetOrAdd(partition, static _ => new CounterSlot());
        var pending = new PendingClaim(referralId, receivedAt);
        if (slot.Enqueue(pending))
        {
            // This caller leads: it commits batches until the queue is empty. The commits run on
            // no caller's token, since they carry other callers' claims.
            _ = Task.Run(() => LeadAsync(table, slot, partition, force, year), CancellationToken.None);
        }

        return await pending.Result.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task LeadAsync(TableClient table, CounterSlot slot, string partition, ForceArea force, int year)
    {
        while (slot.TakeBatch(MaxBatch) is { Count: > 0 } batch)
        {
            try
            {
                await CommitAsync(table, slot, partition, force, year, batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // every waiting caller gets the fault; none is lost
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var claim in batch)
                {
                    claim.Result.TrySetException(ex);
                }
            }
        }
    }

    private async Task CommitAsync(TableClient table, CounterSlot slot, string partition, ForceArea force, int year, List<PendingClaim> batch)
    {
        // One referral twice in a batch (concurrent duplicates): one claim stands for all of them.
        var byReferral = batch.GroupBy(c => c.ReferralId, StringComparer.Ordinal).ToList();
        var claims = byReferral.Select(g => g.First()).ToList();
        foreach (var group in byReferral)
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                _ = first.Result.Task.ContinueWith(
                    t => duplicate.Complete(t, asDuplicate: true), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            }
        }

        for (var attempt = 1; claims.Count > 0; attempt++)
        {
            if (!slot.Known)
            {
                var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow).ConfigureAwait(false);
                slot.Remember(counter.HasValue ? counter.Value!.GetInt64(ValueProperty) ?? 0 : 0, counter.HasValue ? counter.Value!.ETag : null);
            }

            if (slot.Value + claims.Count > LastNumber)
            {
                // Contract §2: six digits. Never a seventh: the claims past the last number fail, loudly.
                await RefuseBeyondLastAsync(table, partition, force, year, claims, room: (int)Math.Max(0, LastNumber - slot.Value)).ConfigureAwait(false);
                if (claims.Count == 0)
                {
                    return;
                }
            }

            var first = slot.Value + 1;
            var last = slot.Value + claims.Count;
            var counterEntity = new TableEntity(partition, CounterRow) { [ValueProperty] = last };
            var actions = new List<TableTransactionAction>(1 + (2 * claims.Count))
            {
                slot.ETag is { } etag
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterEntity, etag)
                    : new TableTransactionAction(TableTransactionActionType.Add, counterEntity),
            };
            for (var i = 0; i < claims.Count; i++)
            {
                var claim = claims[i];
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, ClaimPrefix + claim.ReferralId)
                {
                    ["Number"] = first + i,
                    ["ReferralId"] = claim.ReferralId,
                    ["ReceivedAt"] = claim.ReceivedAt,
                }));
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, new TableEntity(partition, ReceivedPrefix + TableKeys.Ticks(claim.ReceivedAt) + "|" + claim.ReferralId)
                {
                    ["ReferralId"] = claim.ReferralId,
                    ["ReceivedAt"] = claim.ReceivedAt,
                }));
            }

            try
            {
                var response = await table.SubmitTransactionAsync(actions).ConfigureAwait(false);
                slot.Remember(last, response.Value[0].Headers.ETag);
                for (var i = 0; i < claims.Count; i++)
                {
                    claims[i].Result.TrySetResult(new CrimeReferenceClaim(Format(force, year, first + i), claims[i].ReceivedAt, IsNew: true));
                }

                return;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex is >= 1 and { } index)
            {
                // That referral already has its claim (a retry, or a duplicate on another host):
                // answer it from the stored claim; the others go again. Nothing was written, so the
                // cached counter is still current.
                var existing = claims[(index - 1) / 2];
                claims.Remove(existing);
                var stored = await table.GetEntityAsync<TableEntity>(partition, ClaimPrefix + existing.ReferralId).ConfigureAwait(false);
                existing.Result.TrySetResult(new CrimeReferenceClaim(
                    Format(force, year, stored.Value.GetInt64("Number") ?? 0),
                    stored.Value.GetDateTimeOffset("ReceivedAt") ?? existing.ReceivedAt,
                    IsNew: false));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Another process moved the counter since we last saw it.
                slot.Forget();
                if (attempt >= ConflictBackoff.MaxAttempts)
                {
                    throw;
                }

                LogCounterConflict(logger, partition, attempt);
                await ConflictBackoff.DelayAsync(attempt, CancellationToken.None).ConfigureAwait(false);
            }
            catch
            {
                // Unknown outcome (timeout, fault): the counter may or may not have moved.
                slot.Forget();
                throw;
            }
        }
    }

    // The claims past the room left: a referral that already has its claim (a resubmission) is answered from it,
    // the others fail. Only when a force's year has used all its numbers, so the reads cost nothing otherwise.
    private async Task RefuseBeyondLastAsync(TableClient table, string partition, ForceArea force, int year, List<PendingClaim> claims, int room)
    {
        LogRegisterFull(logger, partition, LastNumber);
        foreach (var over in claims.Skip(room).ToList())
        {
            claims.Remove(over);
            var stored = await table.GetEntityIfExistsAsync<TableEntity>(partition, ClaimPrefix + over.ReferralId).ConfigureAwait(false);
            if (stored.HasValue)
            {
                over.Result.TrySetResult(new CrimeReferenceClaim(
                    Format(force, year, stored.Value!.GetInt64("Number") ?? 0), stored.Value.GetDateTimeOffset("ReceivedAt") ?? over.ReceivedAt, IsNew: false));
            }
            else
            {
                over.Result.TrySetException(new CrimeRegisterFullException(partition));
            }
        }
    }

    /// <summary>Referral ids received in [<paramref name="from"/>, <paramref name="to"/>), by force, then time.</summary>
    public async IAsyncEnumerable<string> ListReceivedAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (to <= from)
        {
            yield break;
        }

        var table = await tables.GetAsync(StorageTables.CrimeRegister, cancellationToken).ConfigureAwait(false);
        var firstYear = Math.Max(FirstYear, from.UtcDateTime.Year);
        var lastYear = Math.Min(LastYear, to.UtcDateTime.AddTicks(-1).Year);
        var low = ReceivedPrefix + TableKeys.Ticks(from);
        var high = ReceivedPrefix + TableKeys.Ticks(to);
        foreach (var profile in forces.All)
        {
            for (var year = firstYear; year <= lastYear; year++)
            {
                var partition = PartitionOf(profile.Force, year);
                var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {low} and RowKey lt {high}");
                await foreach (var row in table.QueryAsync<TableEntity>(filter, select: ["ReferralId"], cancellationToken: cancellationToken).ConfigureAwait(false))
                {
                    yield return row.GetString("ReferralId");
                }
            }
        }
    }

    // Each configured force has its own sequence, by its prefix (contract §1, §2).
    private string PartitionOf(ForceArea force, int year) =>
        forces.For(force).CrimeReferencePrefix + "-" + year.ToString("D4", CultureInfo.InvariantCulture);

    // Contract §2: DC-2026-000001.
    private string Format(ForceArea force, int year, long number) =>
        string.Create(CultureInfo.InvariantCulture, $"{forces.For(force).CrimeReferencePrefix}-{year:D4}-{number:D6}");

    [LoggerMessage(Level = LogLevel.Critical, Message = "Crime reference counter {Counter} has issued its last number {LastNumber}: no referral of this force and year can be recorded")]
    private static partial void LogRegisterFull(ILogger logger, string counter, long lastNumber);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crime reference counter {Counter} changed elsewhere; attempt {Attempt}")]
    private static partial void LogCounterConflict(ILogger logger, string counter, int attempt);

    /// <summary>One caller's claim, waiting for the transaction that carries it.</summary>
    private sealed class PendingClaim(string referralId, DateTimeOffset receivedAt)
    {
        public string ReferralId { get; } = referralId;

        public DateTimeOffset ReceivedAt { get; } = receivedAt;

        public TaskCompletionSource<CrimeReferenceClaim> Result { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Takes the outcome of the claim it duplicates: the same number, not new.</summary>
        public void Complete(Task<CrimeReferenceClaim> of, bool asDuplicate)
        {
            if (of.IsCompletedSuccessfully)
            {
                Result.TrySetResult(asDuplicate ? of.Result with { IsNew = false } : of.Result);
            }
            else
            {
                Result.TrySetException(of.Exception?.InnerExceptions ?? [new InvalidOperationException("The claim was not made.")]);
            }
        }
    }

    /// <summary>A counter as this process last saw it, and the claims waiting for it.</summary>
    private sealed class CounterSlot
    {
        private readonly Lock _lock = new();
        private readonly Queue<PendingClaim> _waiting = new();
        private bool _leading;

        public bool Known { get; private set; }

        public long Value { get; private set; }

        public ETag? ETag { get; private set; }

        /// <summary>Queues a claim; <c>true</c> when no one is committing, so the caller must lead.</summary>
        public bool Enqueue(PendingClaim claim)
        {
            lock (_lock)
            {
                _waiting.Enqueue(claim);
                if (_leading)
                {
                    return false;
                }

                _leading = true;
                return true;
            }
        }

        /// <summary>The next batch; empty (and leadership given up) when nothing waits.</summary>
        public List<PendingClaim> TakeBatch(int max)
        {
            lock (_lock)
            {
                var batch = new List<PendingClaim>(Math.Min(max, _waiting.Count));
                while (batch.Count < max && _waiting.TryDequeue(out var claim))
                {
                    batch.Add(claim);
                }

                _leading = batch.Count > 0;
                return batch;
            }
        }

        // Only the leader reads or writes these, one batch at a time.
        public void Remember(long value, ETag? etag)
        {
            Value = value;
            ETag = etag;
            Known = true;
        }

        public void Forget()
        {
            Known = false;
            ETag = null;
        }
    }
}
