using Azure.Data.Tables;
using Sexting.Core.Audit;
using Sexting.Core.Links;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IAuditLog"/> on Azure Table Storage (contract §9, §10): a table of its own, one
/// partition per referral, a row per entry keyed by its time and a random suffix, so entries are
/// read oldest first and two entries in the same tick never collide. Rows are only ever added.
/// </summary>
internal sealed class TableAuditLog(StorageTables tables) : IAuditLog
{
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
            ["UserId"] = entry.Who.UserId,
            ["Name"] = entry.Who.Name,
            ["Email"] = entry.Who.Email,
            ["Action"] = entry.Action,
        };
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
        var entries = new List<AuditEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(e => e.PartitionKey == referralId, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new AuditEntry(
                row.GetDateTimeOffset("At") ?? DateTimeOffset.MinValue,
                new StaffIdentity(row.GetString("UserId") ?? string.Empty, row.GetString("Name") ?? string.Empty, row.GetString("Email") ?? string.Empty),
                row.GetString("Action") ?? string.Empty));
        }

        return entries;
    }
}
