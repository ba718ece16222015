using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Sexting.Core.Links;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// <see cref="IDecisionLinkStore"/> on Azure Table Storage (contract §5). In the referral's
/// partition: a row per link keyed by its token hash (never the token), and a "decided" marker
/// per purpose. Consuming is one transaction: the link's ETag-conditional update plus the marker's
/// insert, so of any number of concurrent consumers over all links of a referral and purpose
/// exactly one commits; once the marker exists every such link is <see cref="LinkState.Used"/>.
/// The address a link went to and everything about a use but its action are sealed with the case's
/// data key (contract §12).
/// </summary>
internal sealed partial class TableDecisionLinkStore(StorageTables tables, CaseKeys keys, ILogger<TableDecisionLinkStore> logger) : IDecisionLinkStore, ILinkHistory
{
    private const string SealedProperty = "Sealed";
    private const string SentToField = "link|sent-to";

    private const string LinkPrefix = "l|";
    private const string LinkEnd = "l}";
    private const string DecidedPrefix = "decided|";
    private const string UsePrefix = "use|";

    /// <inheritdoc />
    public async Task SaveAsync(DecisionLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (!ReferralIds.IsValid(link.ReferralId) || link.TokenHash.Length != 64)
        {
            throw new ArgumentException("Not a link of a referral.", nameof(link));
        }

        using var operation = StorageOperation.Begin(nameof(SaveAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(link.ReferralId, cancellationToken).ConfigureAwait(false);
        var entity = new TableEntity(link.ReferralId, LinkPrefix + link.TokenHash)
        {
            ["Purpose"] = link.Purpose.ToString(),
            ["IssuedAt"] = link.IssuedAt,
            ["ExpiresAt"] = link.ExpiresAt,
            ["ClosedAt"] = link.ClosedAt,
        };
        SealText(entity, SentToField, "SentTo", link.SentTo, cipher);
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Saved before (a retried activity): the stored link stands.
        }
    }

    /// <inheritdoc />
    public async Task<LinkConsumption> InspectAsync(DecisionToken token, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        using var operation = StorageOperation.Begin(nameof(InspectAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var (consumption, _) = await ReadAsync(table, token, purpose, now, cancellationToken).ConfigureAwait(false);
        return consumption;
    }

    /// <inheritdoc />
    public Task<LinkConsumption> ConsumeAsync(DecisionToken token, LinkUse use, DateTimeOffset now, CancellationToken cancellationToken) =>
        ConsumeAsync(token, use, now, null, cancellationToken);

    /// <inheritdoc />
    public async Task<LinkConsumption> ConsumeAsync(DecisionToken token, LinkUse use, DateTimeOffset now, LinkConsumption? inspected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(token);
        ArgumentNullException.ThrowIfNull(use);
        if (use.ReferralId != token.ReferralId)
        {
            throw new ArgumentException("The use is of another referral than the token.", nameof(use));
        }

        var purpose = use.Purpose;
        using var operation = StorageOperation.Begin(nameof(ConsumeAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            // The caller's inspection stands in for the first read: the update below is conditional on its
            // version, and the marker's insert fails if another link decided meanwhile.
            var (consumption, etag) = attempt == 1 && Inspected(inspected, token, purpose) is { } known
                ? (known with { State = now >= known.Link!.ExpiresAt ? LinkState.Expired : LinkState.Valid }, new ETag(known.Version!))
                : await ReadAsync(table, token, purpose, now, cancellationToken).ConfigureAwait(false);
            if (consumption.State != LinkState.Valid)
            {
                return consumption;
            }

            // Read with the link just now, so in memory: no request.
            var cipher = await keys.ForCaseAsync(use.ReferralId, cancellationToken).ConfigureAwait(false);

            TableTransactionAction[] actions =
            [
                new(TableTransactionActionType.UpdateMerge, new TableEntity(token.ReferralId, LinkPrefix + token.Hash) { ["ClosedAt"] = now }, etag),
                // The marker records the use: consumed and recorded commit together (contract §4.7).
                new(TableTransactionActionType.Add, UseEntity(DecidedPrefix + purpose, use, token.Hash, now, cipher)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
                LogConsumed(logger, token.ReferralId, purpose);
                return new LinkConsumption(LinkState.Valid, consumption.Link! with { ClosedAt = now });
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && ex.FailedTransactionActionIndex == 1)
            {
                // Another link of this referral and purpose made the decision first.
                return new LinkConsumption(LinkState.Used, consumption.Link);
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // The link itself changed since we read it (consumed or closed): look again.
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>An inspection of this token and purpose that found the link valid, with the version it read; else null.</summary>
    private static LinkConsumption? Inspected(LinkConsumption? inspected, DecisionToken token, LinkPurpose purpose) =>
        inspected is { State: LinkState.Valid, Version: not null, Link: { ClosedAt: null } link }
            && link.TokenHash == token.Hash && link.ReferralId == token.ReferralId && link.Purpose == purpose
            ? inspected
            : null;

    /// <inheritdoc />
    public async Task<bool> DecideAsync(LinkUse use, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (!ReferralIds.IsValid(use.ReferralId))
        {
            throw new ArgumentException("Not a use of a referral's link.", nameof(use));
        }

        using var operation = StorageOperation.Begin(nameof(DecideAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(use.ReferralId, cancellationToken).ConfigureAwait(false);
        try
        {
            // The same marker a link's consumption adds: whichever is first is the decision (contract §5).
            await table.AddEntityAsync(UseEntity(DecidedPrefix + use.Purpose, use, null, now, cipher), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return false;
        }

        LogConsumed(logger, use.ReferralId, use.Purpose);
        // Stamp the emailed links closed, so each says when it stopped working (the marker already stops them).
        await StampClosedAsync(table, use.ReferralId, use.Purpose, now, null, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <inheritdoc />
    public async Task RecordUseAsync(LinkUse use, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        if (!ReferralIds.IsValid(use.ReferralId))
        {
            throw new ArgumentException("Not a use of a referral's link.", nameof(use));
        }

        using var operation = StorageOperation.Begin(nameof(RecordUseAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var cipher = await keys.ForCaseAsync(use.ReferralId, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.AddEntityAsync(UseEntity(UsePrefix + use.UseId, use, null, use.At, cipher), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Recorded before (a retried request): the stored use stands.
        }
    }

    /// <inheritdoc />
    public async Task<LinkUse?> GetUseAsync(string referralId, LinkPurpose purpose, string useId, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId) || string.IsNullOrEmpty(useId) || useId.Length > 64 || !useId.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }

        using var operation = StorageOperation.Begin(nameof(GetUseAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {referralId} and (RowKey eq {DecidedPrefix + purpose} or RowKey eq {UsePrefix + useId})");
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetString("UseId") == useId && row.GetString("Purpose") == purpose.ToString())
            {
                var cipher = row.GetBinary(SealedProperty) is null ? null : await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
                return UseOf(row, referralId, purpose, cipher);
            }
        }

        return null;
    }

    /// <inheritdoc />
    public async Task<LinkUse?> GetDecisionAsync(string referralId, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            return null;
        }

        using var operation = StorageOperation.Begin(nameof(GetDecisionAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var read = await table.GetEntityIfExistsAsync<TableEntity>(referralId, DecidedPrefix + purpose, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!read.HasValue || read.Value is not { } row || row.GetString("UseId") is null)
        {
            return null;
        }

        var cipher = row.GetBinary(SealedProperty) is null ? null : await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false);
        return UseOf(row, referralId, purpose, cipher);
    }

    /// <inheritdoc />
    public async Task CloseAllAsync(string referralId, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }

        using var operation = StorageOperation.Begin(nameof(CloseAllAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        try
        {
            // The marker alone closes every link of the referral and purpose, at once.
            await table.AddEntityAsync(new TableEntity(referralId, DecidedPrefix + purpose) { ["ClosedAt"] = now }, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // Decided or closed already.
        }

        // Stamp the links too, so each says when it stopped working.
        await StampClosedAsync(table, referralId, purpose, now, null, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task ReopenAsync(string referralId, LinkPurpose purpose, DateTimeOffset roundStart, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }

        using var operation = StorageOperation.Begin(nameof(ReopenAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);

        // The earlier rounds' links stay closed once the marker goes: stamp them first.
        await StampClosedAsync(table, referralId, purpose, roundStart, roundStart, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var read = await table.GetEntityIfExistsAsync<TableEntity>(referralId, DecidedPrefix + purpose, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!read.HasValue || read.Value is not { } marker
                || (marker.GetDateTimeOffset("DecidedAt") ?? marker.GetDateTimeOffset("ClosedAt")) is not { } at || at >= roundStart)
            {
                // No decision, or this round's own.
                return;
            }

            // The marker moves to a history row of its own: a use keeps its place in the link history, sealed
            // again for its new row (a sealed value is bound to its row, contract §12).
            var archived = new TableEntity(marker) { RowKey = DecidedPrefix + purpose + "|" + TableKeys.Ticks(at), ETag = default };
            if (marker.GetBinary(SealedProperty) is { } sealedUse)
            {
                var cipher = await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Referral {referralId} has no data key: its case was deleted.");
                archived[SealedProperty] = cipher.Seal(UseField(archived.RowKey), cipher.Open(UseField(marker.RowKey), sealedUse));
            }

            try
            {
                await table.SubmitTransactionAsync(
                    [
                        new(TableTransactionActionType.Delete, marker, marker.ETag),
                        new(TableTransactionActionType.Add, archived),
                    ],
                    cancellationToken).ConfigureAwait(false);
                LogReopened(logger, referralId, purpose);
                return;
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // The marker changed or went meanwhile (another attempt of this step): look again.
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Stamps <c>ClosedAt</c> on the purpose's links still open (issued before <paramref name="issuedBefore"/>,
    /// when given): one query, then transactions of 100.
    /// </summary>
    private static async Task StampClosedAsync(
        TableClient table, string referralId, LinkPurpose purpose, DateTimeOffset now, DateTimeOffset? issuedBefore, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {referralId} and RowKey ge {LinkPrefix} and RowKey lt {LinkEnd} and Purpose eq {purpose.ToString()}");
        var open = new List<TableTransactionAction>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (row.GetDateTimeOffset("ClosedAt") is null
                && (issuedBefore is null || row.GetDateTimeOffset("IssuedAt") is not { } issued || issued < issuedBefore))
            {
                open.Add(new(TableTransactionActionType.UpdateMerge, new TableEntity(referralId, row.RowKey) { ["ClosedAt"] = now }, ETag.All));
            }
        }

        foreach (var chunk in open.Chunk(StorageTables.MostPerTransaction))
        {
            await table.SubmitTransactionAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<LinkHistory> ReadAsync(string referralId, CancellationToken cancellationToken)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            return new LinkHistory([], []);
        }

        using var operation = StorageOperation.Begin(nameof(ILinkHistory) + "." + nameof(ReadAsync));
        var table = await tables.GetAsync(StorageTables.Links, cancellationToken).ConfigureAwait(false);
        var rows = new List<TableEntity>();
        await foreach (var row in table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {referralId}"), cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        var cipher = rows.Any(r => r.GetBinary(SealedProperty) is not null) ? await keys.ForCaseAsync(referralId, cancellationToken).ConfigureAwait(false) : null;
        var links = rows.Where(r => r.RowKey.StartsWith(LinkPrefix, StringComparison.Ordinal) && Enum.TryParse<LinkPurpose>(r.GetString("Purpose"), out _))
            .Select(r => new DecisionLink(
                r.RowKey[LinkPrefix.Length..],
                referralId,
                Enum.Parse<LinkPurpose>(r.GetString("Purpose")!),
                OpenText(r, SentToField, "SentTo", cipher) ?? string.Empty,
                r.GetDateTimeOffset("IssuedAt") ?? default,
                r.GetDateTimeOffset("ExpiresAt") ?? default,
                r.GetDateTimeOffset("ClosedAt")))
            .OrderBy(l => l.IssuedAt)
            .ToList();
        var uses = rows.Where(r => r.GetString("UseId") is not null && Enum.TryParse<LinkPurpose>(r.GetString("Purpose"), out _))
            .Select(r => UseOf(r, referralId, Enum.Parse<LinkPurpose>(r.GetString("Purpose")!), cipher))
            .OrderBy(u => u.At)
            .ToList();
        return new LinkHistory(links, uses);
    }

    private static TableEntity UseEntity(string rowKey, LinkUse use, string? tokenHash, DateTimeOffset at, CaseCipher? cipher)
    {
        var entity = new TableEntity(use.ReferralId, rowKey)
        {
            ["TokenHash"] = tokenHash,
            ["DecidedAt"] = at,
            ["UseId"] = use.UseId,
            ["Purpose"] = use.Purpose.ToString(),
            ["Action"] = use.Action,
            ["UsedAt"] = use.At,
        };
        var personal = new SealedUse(use.By.UserId, use.By.Name, use.By.Email, use.SentTo, use.Text, use.Delivered);
        if (cipher is null)
        {
            entity["ByUserId"] = personal.UserId;
            entity["ByName"] = personal.Name;
            entity["ByEmail"] = personal.Email;
            entity["SentTo"] = personal.SentTo;
            entity["Text"] = personal.Text;
            entity["Delivered"] = string.Join(',', personal.Delivered);
        }
        else
        {
            entity[SealedProperty] = cipher.Seal(UseField(rowKey), JsonSerializer.SerializeToUtf8Bytes(personal));
        }

        return entity;
    }

    private static LinkUse UseOf(TableEntity row, string referralId, LinkPurpose purpose, CaseCipher? cipher)
    {
        var personal = row.GetBinary(SealedProperty) is { } sealedUse && cipher is not null
            ? JsonSerializer.Deserialize<SealedUse>(cipher.Open(UseField(row.RowKey), sealedUse))!
            : new SealedUse(
                row.GetString("ByUserId") ?? string.Empty,
                row.GetString("ByName") ?? string.Empty,
                row.GetString("ByEmail") ?? string.Empty,
                row.GetString("SentTo") ?? string.Empty,
                row.GetString("Text"),
                (row.GetString("Delivered") ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries));
        return new LinkUse(
            row.GetString("UseId")!,
            referralId,
            purpose,
            row.GetString("Action") ?? string.Empty,
            new StaffIdentity(personal.UserId, personal.Name, personal.Email),
            personal.SentTo,
            row.GetDateTimeOffset("UsedAt") ?? default,
            personal.Text,
            personal.Delivered);
    }

    private static string UseField(string rowKey) => "link|" + rowKey;

    private static void SealText(TableEntity entity, string field, string plainProperty, string value, CaseCipher? cipher)
    {
        if (cipher is null)
        {
            entity[plainProperty] = value;
        }
        else
        {
            entity[SealedProperty] = cipher.SealText(field, value);
        }
    }

    private static string? OpenText(TableEntity row, string field, string plainProperty, CaseCipher? cipher) =>
        row.GetBinary(SealedProperty) is { } sealedValue && cipher is not null ? cipher.OpenText(field, sealedValue) : row.GetString(plainProperty);

    /// <summary>The personal part of a use, sealed as one value.</summary>
    private sealed record SealedUse(string UserId, string Name, string Email, string SentTo, string? Text, IReadOnlyList<string> Delivered);

    /// <summary>The link and the decided marker of its purpose, in one query; InspectAsync's answer and the link's ETag.</summary>
    private async Task<(LinkConsumption Consumption, ETag ETag)> ReadAsync(
        TableClient table, DecisionToken token, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter(
            $"PartitionKey eq {token.ReferralId} and (RowKey eq {LinkPrefix + token.Hash} or RowKey eq {DecidedPrefix + purpose})");
        TableEntity? row = null;
        var decided = false;
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (entity.RowKey.StartsWith(LinkPrefix, StringComparison.Ordinal))
            {
                row = entity;
            }
            else
            {
                decided = true;
            }
        }

        if (row is null || row.GetString("Purpose") != purpose.ToString())
        {
            return (new LinkConsumption(LinkState.Unknown, null), default);
        }

        var cipher = row.GetBinary(SealedProperty) is null ? null : await keys.ForCaseAsync(token.ReferralId, cancellationToken).ConfigureAwait(false);
        var link = new DecisionLink(
            token.Hash,
            token.ReferralId,
            purpose,
            OpenText(row, SentToField, "SentTo", cipher) ?? string.Empty,
            row.GetDateTimeOffset("IssuedAt") ?? default,
            row.GetDateTimeOffset("ExpiresAt") ?? default,
            row.GetDateTimeOffset("ClosedAt"));
        var state = decided || link.ClosedAt is not null ? LinkState.Used
            : now >= link.ExpiresAt ? LinkState.Expired
            : LinkState.Valid;
        return (new LinkConsumption(state, link) { Version = row.ETag.ToString() }, row.ETag);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision link of referral {ReferralId} used for {Purpose}")]
    private static partial void LogConsumed(ILogger logger, string referralId, LinkPurpose purpose);

    [LoggerMessage(Level = LogLevel.Information, Message = "Decision links of referral {ReferralId} reopened for {Purpose}: a new round of decisions")]
    private static partial void LogReopened(ILogger logger, string referralId, LinkPurpose purpose);
}
