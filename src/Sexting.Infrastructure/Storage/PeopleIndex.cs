using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The earlier-referrals index (§3.4.6, §3.5.2 repeat offending): one partition per force and
/// hashed person (<see cref="PersonKeyHasher"/>), one row per referral naming that person. No
/// name or date of birth is stored, in keys or elsewhere.
/// </summary>
internal sealed class PeopleIndex(StorageTables tables, PersonKeyHasher hasher)
{
    public async Task IndexAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(StorageTables.People, cancellationToken).ConfigureAwait(false);
        var keys = record.Referral.YoungPeople.Select(PersonIdentity.KeyOf).Distinct(StringComparer.Ordinal);
        await Task.WhenAll(keys.Select(key => table.UpsertEntityAsync(
            new TableEntity(PartitionOf(record.ForceArea, key), record.ReferralId)
            {
                ["CrimeReference"] = record.CrimeReference,
                ["ReceivedAt"] = record.ReceivedAt,
            },
            TableUpdateMode.Replace,
            cancellationToken))).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EarlierReferral>> FindEarlierAsync(
        ForceArea force, IReadOnlyCollection<string> personKeys, string excludingReferralId, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personKeys);
        var table = await tables.GetAsync(StorageTables.People, cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(personKeys.Distinct(StringComparer.Ordinal).Select(async key =>
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey eq {PartitionOf(force, key)} and RowKey ne {excludingReferralId} and ReceivedAt lt {receivedBefore}");
            var rows = new List<(DateTimeOffset ReceivedAt, EarlierReferral Referral)>();
            await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
            {
                rows.Add((row.GetDateTimeOffset("ReceivedAt") ?? default, new EarlierReferral(key, row.RowKey, row.GetString("CrimeReference"))));
            }

            return rows;
        })).ConfigureAwait(false);

        return [.. found.SelectMany(rows => rows).OrderBy(r => r.ReceivedAt).Select(r => r.Referral)];
    }

    private string PartitionOf(ForceArea force, string personKey) => force + "|" + hasher.Hash(personKey);
}
