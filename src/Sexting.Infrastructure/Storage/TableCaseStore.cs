using System.Runtime.CompilerServices;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
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
    ILogger<TableCaseStore> logger) : ICaseStore
{
    /// <summary>The key of the timeline entry written with the case.</summary>
    public const string CrimeRecordedKey = "crime-recorded";

    /// <inheritdoc />
    public Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, CancellationToken cancellationToken) =>
        CreateAsync(referralId, referral, receivedAt, null, cancellationToken);

    /// <inheritdoc />
    public async Task<CaseCreation> CreateAsync(string referralId, Referral referral, DateTimeOffset receivedAt, ReporterConfirmation? confirmation, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(referral);
        using var operation = StorageOperation.Begin(nameof(CreateAsync));

        // The usual duplicate (a resubmission) is answered by one read; it also keeps a
        // resubmission in a later year from claiming a second number.
        if (await GetAsync(referralId, cancellationToken).ConfigureAwait(false) is { } existing)
        {
            return new CaseCreation(existing, Created: false);
        }

        // §3.2.1: every report is recorded as a crime.
        var claim = await register.ClaimAsync(referralId, referral.ForceArea, receivedAt, cancellationToken).ConfigureAwait(false);
        var record = new CaseRecord(referralId, claim.CrimeReference, CaseStatus.Received, claim.ReceivedAt, referral, null, null, null, null) { Confirmation = confirmation };
        var recorded = new TimelineEntry(claim.ReceivedAt, TimelineEvent.CrimeRecorded, "Recorded as crime " + claim.CrimeReference, CrimeRecordedKey);

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        TableTransactionAction[] actions =
        [
            new(TableTransactionActionType.Add, CaseEntities.ToEntity(record)),
            .. CaseEntities.AppendActions(referralId, recorded),
        ];
        try
        {
            var response = await table.SubmitTransactionAsync(actions, cancellationToken).ConfigureAwait(false);
            LogCaseCreated(logger, referralId, claim.CrimeReference);
            return new CaseCreation(record with { Version = response.Value[0].Headers.ETag?.ToString() }, Created: true);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // A concurrent duplicate stored the case first, with the same claim.
            var stored = await GetAsync(referralId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The case conflicted on insert but cannot be read.", ex);
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
        return entity.HasValue ? CaseEntities.FromEntity(entity.Value!) : null;
    }

    /// <inheritdoc />
    public async Task<CaseRecord> UpdateAsync(CaseRecord updated, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(updated);
        EnsureReferralId(updated.ReferralId);
        if (updated.Version is null)
        {
            throw new ArgumentException("An update needs the version it was read at.", nameof(updated));
        }

        using var operation = StorageOperation.Begin(nameof(UpdateAsync));
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        try
        {
            var response = await table.UpdateEntityAsync(CaseEntities.ToEntity(updated), new ETag(updated.Version), TableUpdateMode.Replace, cancellationToken).ConfigureAwait(false);
            return updated with { Version = response.Headers.ETag?.ToString() };
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            throw new ConcurrencyConflictException("The case changed since it was read.", ex);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            throw new InvalidOperationException("There is no such case to update.", ex);
        }
    }

    /// <inheritdoc />
    public async Task AppendTimelineAsync(string referralId, TimelineEntry entry, CancellationToken cancellationToken)
    {
        EnsureReferralId(referralId);
        ArgumentNullException.ThrowIfNull(entry);
        using var operation = StorageOperation.Begin(nameof(AppendTimelineAsync));
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        try
        {
            await table.SubmitTransactionAsync(CaseEntities.AppendActions(referralId, entry), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            // The entry's key is there already: a retried step. Nothing to do.
        }
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
        var entries = new List<TimelineEntry>();
        await foreach (var row in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            entries.Add(CaseEntities.TimelineFromEntity(row));
        }

        return entries;
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
    public async IAsyncEnumerable<CaseRecord> ListReceivedAsync(DateTimeOffset from, DateTimeOffset to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(ListReceivedAsync));
        await foreach (var referralId in register.ListReceivedAsync(from, to, cancellationToken).ConfigureAwait(false))
        {
            // A claim whose case was never stored (a crash between the two) lists nothing until a retry stores it.
            if (await GetAsync(referralId, cancellationToken).ConfigureAwait(false) is { } record)
            {
                yield return record;
            }
        }
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
    public async Task<IReadOnlyList<DueEntry>> GetDueAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var operation = StorageOperation.Begin(nameof(GetDueAsync));
        return await due.GetDueAsync(now, cancellationToken).ConfigureAwait(false);
    }

    private static void EnsureReferralId(string referralId)
    {
        if (!ReferralIds.IsValid(referralId))
        {
            throw new ArgumentException("Not a referral id.", nameof(referralId));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Case {ReferralId} recorded as crime {CrimeReference}")]
    private static partial void LogCaseCreated(ILogger logger, string referralId, string crimeReference);
}
