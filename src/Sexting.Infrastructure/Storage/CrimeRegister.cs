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
/// referral and a received-index row per referral; the counter's ETag-conditional update and
/// both inserts go in ONE transaction, so a number exists exactly when its claim does. A retry
/// finds the claim and gets the same number. Within a process, callers of one counter queue on
/// a semaphore and reuse the counter's last known ETag (no read per call); across processes the
/// ETag condition decides, with jittered retry.
/// </summary>
internal sealed partial class CrimeRegister(StorageTables tables, ForceProfiles forces, ILogger<CrimeRegister> logger)
{
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

        await slot.Gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                if (!slot.Known)
                {
                    var counter = await table.GetEntityIfExistsAsync<TableEntity>(partition, CounterRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                    slot.Remember(counter.HasValue ? counter.Value!.GetInt64(ValueProperty) ?? 0 : 0, counter.HasValue ? counter.Value!.ETag : null);
                }

                var number = slot.Value + 1;
                var counterEntity = new TableEntity(partition, CounterRow) { [ValueProperty] = number };
                var claim = new TableEntity(partition, ClaimPrefix + referralId)
                {
                    ["Number"] = number,
                    ["ReferralId"] = referralId,
                    ["ReceivedAt"] = receivedAt,
                };
                var received = new TableEntity(partition, ReceivedPrefix + TableKeys.Ticks(receivedAt) + "|" + referralId)
                {
                    ["ReferralId"] = referralId,
                    ["ReceivedAt"] = receivedAt,
                };
                TableTransactionAction[] actions =
                [
                    slot.ETag is { } etag
                        ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, counterEntity, etag)
                        : new TableTransactionAction(TableTransactionActionType.Add, counterEntity),
                    new TableTransactionAction(TableTransactionActionType.Add, claim),
                    new TableTransactionAction(TableTransactionActionType.Add, received),
                ];

                try
                {
                    var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                    slot.Remember(number, response.Value[0].Headers.ETag);
                    return new CrimeReferenceClaim(Format(force, year, number), receivedAt, IsNew: true);
                }
                catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex is 1 or 2)
                {
                    // The referral already has its claim (a retry or a concurrent duplicate): reuse it.
                    // Nothing was written, so the cached counter is still current.
                    var existing = await table.GetEntityAsync<TableEntity>(partition, ClaimPrefix + referralId, cancellationToken: cancellationToken).ConfigureAwait(false);
                    return new CrimeReferenceClaim(
                        Format(force, year, existing.Value.GetInt64("Number") ?? 0),
                        existing.Value.GetDateTimeOffset("ReceivedAt") ?? receivedAt,
                        IsNew: false);
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
                    await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    // Unknown outcome (timeout, fault): the counter may or may not have moved.
                    slot.Forget();
                    throw;
                }
            }
        }
        finally
        {
            slot.Gate.Release();
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Crime reference counter {Counter} changed elsewhere; attempt {Attempt}")]
    private static partial void LogCounterConflict(ILogger logger, string counter, int attempt);

    private sealed class CounterSlot
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public bool Known { get; private set; }

        public long Value { get; private set; }

        public ETag? ETag { get; private set; }

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
