using System.Text.Json;
using Azure.Data.Tables;
using Sexting.Core.Audit;
using Sexting.Core.Links;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IAuditLog"/> on Azure Table Storage (contract §9, §10): a table of its own, one
/// partition per referral, a row per entry keyed by its time and a random suffix, so entries are
/// read oldest first and two entries in the same tick never collide. Rows are only ever added. Who
/// it was (staff's name and email) is sealed with the case's data key like every personal field
/// (contract §12; docs/storage.md), so deleting the case's key makes its audit's names unreadable too.
/// </summary>
internal sealed class TableAuditLog(StorageTables tables, CaseKeys keys) : IAuditLog
{
    private const string SealedWho = "WhoSealed";
    private const string PlainWho = "Who";
    private const string WhoField = "audit.who";

    /// <inheritdoc />
    public async Task AppendAsync(string referralId, AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }

        using var operation = StorageOperation.Begin(nameof(AppendAsync));
        var table = await tables.GetAsync(StorageTables.Audit, cancellationToken).ConfigureAwait(false);
        var row = new TableEntity(referralId, TableKeys.Ticks(entry.At) + "|" + Guid.NewGuid().ToString("N"))
        {
            ["At"] = entry.At,
            ["Action"] = entry.Action,
        };
        var who = JsonSerializer.Serialize(entry.Who);
        if (await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false) is { } cipher)
        {
            row[SealedWho] = cipher.SealText(WhoField, who);
        }
        else
        {
            row[PlainWho] = who; // a case stored before encryption at rest
        }

        await table.AddEntityAsync(row, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string referralId, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            return [];
        }

        using var operation = StorageOperation.Begin(nameof(ReadAsync));
        var table = await tables.GetAsync(StorageTables.Audit, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == referralId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var cipher = rows.Any(r => r.GetBinary(SealedWho) is not null) ? await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false) : null;
        return rows.Select(row =>
        {
            var who = row.GetBinary(SealedWho) is { } sealedWho && cipher is not null ? cipher.OpenText(WhoField, sealedWho) : row.GetString(PlainWho);
            return new AuditEntry(
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                (who is null ? null : JsonSerializer.Deserialize<StaffIdentity>(who)) ?? new StaffIdentity(string.Empty, string.Empty, string.Empty),
                row.GetString("Action") ?? string.Empty);
        }).ToList();
    }
}
