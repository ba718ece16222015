using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The case-list index (contract §10; docs/storage.md "CaseList"): one row per case in its force's
/// partition, row key <c>{inverted received-at ticks}|{referralId}</c> so a partition reads newest
/// first. Crime reference, codes and times only: no personal data. Written by
/// <see cref="TableCaseStore"/> after each write of the case row, deleted with the case.
/// </summary>
internal sealed class CaseListIndex(StorageTables tables)
{
    private const string ReferralIdColumn = "ReferralId";
    private const string CrimeReferenceColumn = "CrimeReference";
    private const string StatusColumn = "Status";
    private const string RouteColumn = "Route";
    private const string ReceivedAtColumn = "ReceivedAt";
    private const string ReporterConfirmedColumn = "ReporterConfirmed";
    private const string TrustedDomainColumn = "TrustedDomain";
    private const string AwaitingSinceColumn = "AwaitingSince";
    private const string DueByColumn = "DueBy";

    // The backfill's marker: a partition no force is named, so no list query reads it.
    private const string MetaPartition = "~meta";
    private const string BackfillRow = "backfill-1";

    /// <summary>The row key of a case: newest first within its force, the referral id keeping keys unique.</summary>
    public static string RowKeyOf(DateTimeOffset receivedAt, string referralId) =>
        TableKeys.Ticks(DateTimeOffset.MaxValue.UtcTicks - receivedAt.UtcTicks) + "|" + referralId;

    /// <summary>
    /// Writes the case's row (upsert, replace): idempotent, so a retry rewrites the same row. Only while
    /// the case awaits authorisation is the row read first, to keep the time it started waiting.
    /// </summary>
    public async Task WriteAsync(CaseRecord record, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.CaseList, cancellationToken).ConfigureAwait(false);
        var partition = record.ForceArea.Name;
        var rowKey = RowKeyOf(record.ReceivedAt, record.ReferralId);
        DateTimeOffset? awaitingSince = null;
        if (record.Status == CaseStatus.AwaitingAuthorisation)
        {
            var existing = await table.GetEntityIfExistsAsync<TableEntity>(partition, rowKey, [StatusColumn, AwaitingSinceColumn], cancellationToken).ConfigureAwait(false);
            awaitingSince = existing.HasValue && existing.Value!.GetString(StatusColumn) == nameof(CaseStatus.AwaitingAuthorisation)
                ? existing.Value.GetDateTimeOffset(AwaitingSinceColumn) ?? now
                : now;
        }

        await table.UpsertEntityAsync(ToEntity(record, partition, rowKey, awaitingSince), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Inserts the case's row if there is none (a resubmission repairing a creation that stopped before the
    /// index, or the backfill); never overwrites. Whether it wrote the row.
    /// </summary>
    public async Task<bool> EnsureAsync(CaseRecord record, DateTimeOffset? awaitingSince, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.CaseList, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(ToEntity(record, record.ForceArea.Name, RowKeyOf(record.ReceivedAt, record.ReferralId), awaitingSince), cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // There already: the row the case's writes keep up to date.
            return false;
        }
    }

    /// <summary>
    /// The one-off backfill (cases stored before this index existed): one scan of the case rows, each case
    /// read through <paramref name="read"/> and its row inserted if missing, then a marker so that later
    /// runs make one point read. A case awaiting authorisation is taken to have waited since it was
    /// received (the time it started waiting is not kept on the case), so it is marked overdue no later
    /// than it should be. A run that stops midway is done again by the next, harmlessly.
    /// </summary>
    public async Task<int> BackfillAsync(Func<string, CancellationToken, Task<CaseRecord?>> read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var table = await tables.GetAsync(StorageTables.CaseList, cancellationToken).ConfigureAwait(false);
        var marker = await table.GetEntityIfExistsAsync<TableEntity>(MetaPartition, BackfillRow, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (marker.HasValue)
        {
            return 0;
        }

        var cases = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var written = 0;
        var filter = TableClient.CreateQueryFilter($"RowKey eq {CaseEntities.CaseRow}");
        await foreach (var row in cases.QueryAsync<TableEntity>(filter, select: ["PartitionKey"], cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (await read(row.PartitionKey, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                continue;
            }

            var since = record.Status == CaseStatus.AwaitingAuthorisation ? record.ReceivedAt : (DateTimeOffset?)null;
            if (await EnsureAsync(record, since, cancellationToken).ConfigureAwait(false))
            {
                written++;
            }
        }

        await table.UpsertEntityAsync(new TableEntity(MetaPartition, BackfillRow) { ["At"] = now, ["Written"] = written }, TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
        return written;
    }

    /// <summary>Deletes the case's row; nothing when there is none.</summary>
    public async Task RemoveAsync(CaseRecord record, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.CaseList, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.DeleteEntityAsync(record.ForceArea.Name, RowKeyOf(record.ReceivedAt, record.ReferralId), ETag.All, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // Gone already (a run that stopped after this step).
        }
    }

    /// <summary>
    /// One page: one query request per force of the query (its first page only, at most
    /// <c>PageSize</c> rows), merged newest first and cut to <c>PageSize</c>; the continuation says
    /// where each force's next page starts.
    /// </summary>
    public async Task<CaseListPage> ListAsync(CaseListQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pageSize = Math.Clamp(query.PageSize, 1, CaseListQuery.MaxPageSize);
        var forces = query.Forces.Distinct().OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var states = Continuation.Parse(query.Continuation);
        if (forces.Count == 0)
        {
            return new CaseListPage([], null);
        }

        var table = await tables.GetAsync(StorageTables.CaseList, cancellationToken).ConfigureAwait(false);
        var fetched = new List<(ForceArea Force, TableEntity Row)>();
        var pages = new Dictionary<string, (ForceState Before, string? Token)>(StringComparer.Ordinal);
        foreach (var force in forces)
        {
            var before = states.GetValueOrDefault(force.Name) ?? new ForceState(null, null, false);
            if (before.Done)
            {
                continue;
            }

            var filter = Filter(force, before.After, query.Status, query.CrimeReferencePrefix);
            // The first page only: one request, at most pageSize rows.
            var enumerator = table.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken)
                .AsPages(before.Token, pageSize).GetAsyncEnumerator(cancellationToken);
            string? token = null;
            await using (enumerator.ConfigureAwait(false))
            {
                if (await enumerator.MoveNextAsync().ConfigureAwait(false))
                {
                    fetched.AddRange(enumerator.Current.Values.Select(row => (force, row)));
                    token = enumerator.Current.ContinuationToken;
                }
            }

            pages[force.Name] = (before, token);
        }

        var shown = fetched.OrderBy(f => f.Row.RowKey, StringComparer.Ordinal).Take(pageSize).ToList();
        var next = new Dictionary<string, ForceState>(StringComparer.Ordinal);
        foreach (var force in forces)
        {
            if (!pages.TryGetValue(force.Name, out var page))
            {
                next[force.Name] = new ForceState(null, null, true);
                continue;
            }

            var mine = fetched.Count(f => f.Force == force);
            var shownOfMine = shown.Where(f => f.Force == force).ToList();
            next[force.Name] = shownOfMine.Count == mine
                // Its whole page was shown: on with the table's own continuation, or done.
                ? page.Token is null ? new ForceState(null, null, true) : new ForceState(page.Before.After, page.Token, false)
                // Part of it: start after the last one shown (a key seek); none shown: the same page again.
                : shownOfMine.Count == 0 ? page.Before : new ForceState(shownOfMine[^1].Row.RowKey, null, false);
        }

        var items = shown.Select(f => FromEntity(f.Force, f.Row)).ToList();
        return new CaseListPage(items, next.Values.All(s => s.Done) ? null : Continuation.Format(next));
    }

    private static string Filter(ForceArea force, string? after, CaseStatus? status, string? prefix)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {force.Name}");
        if (after is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"RowKey gt {after}");
        }

        if (status is { } s)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {s.ToString()}");
        }

        if (!string.IsNullOrEmpty(prefix))
        {
            var upper = prefix.ToUpperInvariant();
            // Every text that starts with the prefix sorts in [prefix, prefix with its last character + 1).
            var end = upper[..^1] + (char)(upper[^1] + 1);
            filter += " and " + TableClient.CreateQueryFilter($"CrimeReference ge {upper} and CrimeReference lt {end}");
        }

        return filter;
    }

    private static TableEntity ToEntity(CaseRecord record, string partition, string rowKey, DateTimeOffset? awaitingSince) => new(partition, rowKey)
    {
        [ReferralIdColumn] = record.ReferralId,
        [CrimeReferenceColumn] = record.CrimeReference.ToUpperInvariant(),
        [StatusColumn] = record.Status.ToString(),
        [RouteColumn] = record.Assessment?.Route.ToString(),
        [ReceivedAtColumn] = record.ReceivedAt,
        [ReporterConfirmedColumn] = record.ReporterConfirmed,
        [TrustedDomainColumn] = record.Confirmation?.TrustedDomain ?? true,
        [AwaitingSinceColumn] = awaitingSince,
        [DueByColumn] = record.Status == CaseStatus.EducationAndIntervention && record.Education is { DeliveredAt: null } education ? education.DueBy : null,
    };

    private static CaseListItem FromEntity(ForceArea force, TableEntity row) => new(
        row.GetString(ReferralIdColumn),
        row.GetString(CrimeReferenceColumn),
        force,
        Enum.Parse<CaseStatus>(row.GetString(StatusColumn)),
        row.GetString(RouteColumn) is { Length: > 0 } route ? Enum.Parse<Route>(route) : null,
        row.GetDateTimeOffset(ReceivedAtColumn) ?? default,
        row.GetBoolean(ReporterConfirmedColumn) ?? true,
        row.GetBoolean(TrustedDomainColumn) ?? true,
        row.GetDateTimeOffset(AwaitingSinceColumn),
        row.GetDateTimeOffset(DueByColumn));

    /// <summary>Where a force's next page starts: after a row key, at a table continuation, or nowhere (done).</summary>
    private sealed record ForceState(string? After, string? Token, bool Done);

    /// <summary>The opaque continuation: base64url of <c>{ force: { after, token, done } }</c>.</summary>
    private static class Continuation
    {
        public static Dictionary<string, ForceState> Parse(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return new(StringComparer.Ordinal);
            }

            try
            {
                var json = Encoding.UTF8.GetString(Convert.FromBase64String(text.Replace('-', '+').Replace('_', '/').PadRight(text.Length + ((4 - (text.Length % 4)) % 4), '=')));
                return JsonSerializer.Deserialize<Dictionary<string, ForceState>>(json) is { } states
                    ? new Dictionary<string, ForceState>(states, StringComparer.Ordinal)
                    : throw new ArgumentException("Not a case-list continuation.", nameof(text));
            }
            catch (Exception ex) when (ex is FormatException or JsonException or DecoderFallbackException)
            {
                throw new ArgumentException("Not a case-list continuation.", nameof(text), ex);
            }
        }

        public static string Format(Dictionary<string, ForceState> states) =>
            Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(states))).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }
}
