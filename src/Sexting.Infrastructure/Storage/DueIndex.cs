using Azure;
using Azure.Data.Tables;
using Sexting.Core.Cases;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The due index: one partition per <see cref="DueKind"/>. Entry rows are keyed
/// <c>d|{due ticks}|{referralId}</c>, so "what is due by now" is one range query that reads only
/// due rows however many others there are. A pointer row <c>p|{referralId}</c> in the same
/// partition says where a referral's entry is, so moving or removing it is one read and one
/// transaction (old row out, new row in, pointer updated under its ETag); a first entry is one
/// transaction with no read.
/// </summary>
internal sealed class DueIndex(StorageTables tables)
{
    private const string EntryPrefix = "d|";
    private const string PointerPrefix = "p|";

    public async Task SetAsync(DueEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var table = await tables.GetAsync(StorageTables.Due, cancellationToken).ConfigureAwait(false);
        var partition = entry.Kind.ToString();
        var newRow = EntryRow(entry.DueAt.UtcTicks, entry.ReferralId);
        var pointerEntity = new TableEntity(partition, PointerPrefix + entry.ReferralId) { ["Row"] = newRow, ["DueAt"] = entry.DueAt };
        var entryEntity = new TableEntity(partition, newRow) { ["ReferralId"] = entry.ReferralId, ["DueAt"] = entry.DueAt };

        // Issue 22: every caller sets a referral's entry of a kind once (education due, closed, unconfirmed), so the
        // first attempt assumes there is none: entry and pointer inserted in one transaction, no read. A pointer
        // there already (a retry, or a move) fails it on the pointer, and the read-then-move below follows.
        try
        {
            await table.SubmitTransactionAsync(
                [new(TableTransactionActionType.UpsertReplace, entryEntity), new(TableTransactionActionType.Add, pointerEntity)], cancellationToken).ConfigureAwait(false);
            return;
        }
        catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex == 1)
        {
        }

        for (var attempt = 1; ; attempt++)
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, PointerPrefix + entry.ReferralId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var oldRow = pointer.HasValue ? pointer.Value!.GetString("Row") : null;
            if (oldRow == newRow)
            {
                return;
            }

            var actions = new List<TableTransactionAction>(3) { new(TableTransactionActionType.UpsertReplace, entryEntity) };
            if (pointer.HasValue)
            {
                actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, oldRow), ETag.All));
                actions.Add(new(TableTransactionActionType.UpdateReplace, pointerEntity, pointer.Value!.ETag));
            }
            else
            {
                actions.Add(new(TableTransactionActionType.Add, pointerEntity));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // Someone else moved or removed the entry since we read the pointer: read again.
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task RemoveAsync(string referralId, DueKind kind, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Due, cancellationToken).ConfigureAwait(false);
        var partition = kind.ToString();
        for (var attempt = 1; ; attempt++)
        {
            var pointer = await table.GetEntityIfExistsAsync<TableEntity>(partition, PointerPrefix + referralId, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!pointer.HasValue)
            {
                return;
            }

            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.Delete, new TableEntity(partition, pointer.Value!.GetString("Row")), ETag.All),
                new(TableTransactionActionType.Delete, pointer.Value, pointer.Value.ETag),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public async Task<IReadOnlyList<DueEntry>> GetDueAsync(DueKind kind, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Due, cancellationToken).ConfigureAwait(false);
        var due = new List<DueEntry>();
        // Rows whose due ticks are at most now's sort before "d|{now + 1 tick}".
        var end = EntryPrefix + TableKeys.Ticks(Math.Min(now.UtcTicks, DateTimeOffset.MaxValue.UtcTicks - 1) + 1);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {kind.ToString()} and RowKey ge {EntryPrefix} and RowKey lt {end}");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            due.Add(new DueEntry(row.GetString("ReferralId"), kind, row.GetDateTimeOffset("DueAt") ?? default));
        }

        return due;
    }

    private static string EntryRow(long dueTicks, string referralId) => EntryPrefix + TableKeys.Ticks(dueTicks) + "|" + referralId;
}
