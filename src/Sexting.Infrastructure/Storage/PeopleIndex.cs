using System.Globalization;
using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The earlier-referrals index (§3.4.6, §3.5.2 repeat offending; contract §3): ONE row per force
/// and hashed person (<see cref="PersonKeyHasher"/>), so the check is one point read per person.
/// The row has one property per referral naming that person, <c>R&lt;referralId&gt;</c>, holding
/// the person's role in it, whether the referral counts (<see cref="ReferralStanding"/>), its crime
/// reference and when it was received. Writers merge their own property only, so concurrent
/// referrals naming the same person never overwrite each other. No name or date of birth is
/// stored, in keys or elsewhere. A row holds at most 252 properties: a person would need to be
/// named in more than 250 referrals of one force before the index could not take another.
/// </summary>
internal sealed class PeopleIndex(StorageTables tables, PersonKeyHasher hasher)
{
    /// <summary>The row key of a person's row (rows of the v1 index, one per referral, are ignored: they hold no role).</summary>
    public const string PersonRow = "person";

    private const string ReferralPropertyPrefix = "R";
    private const char Separator = '|';

    /// <summary>
    /// Records the young people of a case with their roles and the case's standing now: a referral
    /// counts once its reporter confirmed (contract §11), never once it is unconfirmed. The workflow
    /// indexes again when the standing changes.
    /// </summary>
    public Task IndexAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return WriteAsync(record, record.Standing, cancellationToken);
    }

    /// <summary>Marks a case's entries (contract §11 unconfirmed, §12 deleted): they stop counting, without a read.</summary>
    public Task SetStandingAsync(CaseRecord record, ReferralStanding standing, CancellationToken cancellationToken) =>
        WriteAsync(record, standing, cancellationToken);

    /// <summary>
    /// Removes a deleted case from the index (contract §12): its property goes from each of its
    /// people's rows, replaced under the row's ETag so a concurrent writer's property is never lost,
    /// and a row left with no referral is deleted. Its people no longer count for repeat offending.
    /// </summary>
    public async Task RemoveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(StorageTables.People, cancellationToken).ConfigureAwait(false);
        var property = ReferralPropertyPrefix + record.ReferralId;
        var partitions = record.Referral.YoungPeople.Select(PersonIdentity.KeyOf).Distinct(StringComparer.Ordinal).Select(key => PartitionOf(record.ForceArea, key));
        await Task.WhenAll(partitions.Select(async partition =>
        {
            for (var attempt = 1; ; attempt++)
            {
                var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, PersonRow, cancellationToken: cancellationToken).ConfigureAwait(false);
                if (!row.HasValue || !row.Value!.Remove(property))
                {
                    return;
                }

                try
                {
                    if (row.Value.Keys.Any(k => k.StartsWith(ReferralPropertyPrefix, StringComparison.Ordinal)))
                    {
                        await table.UpdateEntityAsync(row.Value, row.Value.ETag, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
                    }
                    else
                    {
                        await table.DeleteEntityAsync(row.Value, row.Value.ETag, cancellationToken).ConfigureAwait(false);
                    }

                    return;
                }
                catch (Azure.RequestFailedException ex) when (ex.Status is 404 or 412 && attempt < ConflictBackoff.MaxAttempts)
                {
                    // Another referral of this person was indexed meanwhile: read again.
                    await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                }
            }
        })).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<EarlierReferral>> FindEarlierAsync(
        ForceArea force, IReadOnlyCollection<string> personKeys, string excludingReferralId, DateTimeOffset receivedBefore, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personKeys);
        var table = await tables.GetAsync(StorageTables.People, cancellationToken).ConfigureAwait(false);
        var found = await Task.WhenAll(personKeys.Distinct(StringComparer.Ordinal).Select(async key =>
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(PartitionOf(force, key), PersonRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            var rows = new List<(DateTimeOffset ReceivedAt, EarlierReferral Referral)>();
            if (!row.HasValue)
            {
                return rows;
            }

            foreach (var (name, value) in row.Value!)
            {
                if (name.Length != ReferralPropertyPrefix.Length + Core.Links.ReferralIds.Length
                    || !name.StartsWith(ReferralPropertyPrefix, StringComparison.Ordinal)
                    || value is not string text
                    || !TryParse(text, out var role, out var standing, out var crimeReference, out var receivedAt))
                {
                    continue;
                }

                var referralId = name[ReferralPropertyPrefix.Length..];
                if (referralId != excludingReferralId && receivedAt < receivedBefore)
                {
                    rows.Add((receivedAt, new EarlierReferral(key, referralId, crimeReference, role, standing)));
                }
            }

            return rows;
        })).ConfigureAwait(false);

        return [.. found.SelectMany(rows => rows).OrderBy(r => r.ReceivedAt).ThenBy(r => r.Referral.ReferralId, StringComparer.Ordinal).Select(r => r.Referral)];
    }

    private async Task WriteAsync(CaseRecord record, ReferralStanding standing, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = await tables.GetAsync(StorageTables.People, cancellationToken).ConfigureAwait(false);

        // A person named twice in one referral stands by their most offending role (contract §3).
        var people = record.Referral.YoungPeople
            .GroupBy(PersonIdentity.KeyOf, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Role: OffendingRoles.MostOffending(g.Select(p => p.Role))));
        await Task.WhenAll(people.Select(person => table.UpsertEntityAsync(
            new TableEntity(PartitionOf(record.ForceArea, person.Key), PersonRow)
            {
                [ReferralPropertyPrefix + record.ReferralId] = string.Join(
                    Separator, person.Role.ToString(), standing.ToString(), record.CrimeReference, record.ReceivedAt.UtcTicks.ToString(CultureInfo.InvariantCulture)),
            },
            TableUpdateMode.Merge,
            cancellationToken))).ConfigureAwait(false);
    }

    private static bool TryParse(string text, out YoungPersonRole role, out ReferralStanding standing, out string crimeReference, out DateTimeOffset receivedAt)
    {
        var parts = text.Split(Separator);
        crimeReference = parts.Length == 4 ? parts[2] : string.Empty;
        receivedAt = default;
        standing = default;
        role = default;
        if (parts.Length == 4
            && Enum.TryParse(parts[0], ignoreCase: false, out role) && Enum.IsDefined(role)
            && Enum.TryParse(parts[1], ignoreCase: false, out standing) && Enum.IsDefined(standing)
            && long.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            && ticks <= DateTimeOffset.MaxValue.UtcTicks)
        {
            receivedAt = new DateTimeOffset(ticks, TimeSpan.Zero);
            return true;
        }

        return false;
    }

    private string PartitionOf(ForceArea force, string personKey) => force.Name + "|" + hasher.Hash(personKey);
}
