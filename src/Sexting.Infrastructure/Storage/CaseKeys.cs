using System.Collections.Concurrent;
using System.Security.Cryptography;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Sexting.Core.DataProtection;
using Sexting.Infrastructure.DataProtection;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The data key of each case (contract §12, docs/storage.md): 256 random bits made when the case is
/// stored, kept only wrapped by the key-encryption key, on the case row itself, so reading a case
/// reads its key in the same request. Unwrapped keys stay in memory for
/// <see cref="DataProtectionOptions.KeyCacheLifetime"/>, so the rows written after a read (timeline,
/// links) cost no further request and no further unwrap.
/// </summary>
internal sealed class CaseKeys(StorageTables tables, IKeyEncryptionKey kek, IOptions<DataProtectionOptions> options, TimeProvider time)
{
    /// <summary>The case row's property naming the key-encryption key (and version) that wrapped its data key.</summary>
    public const string KeyIdProperty = "DataKeyId";

    /// <summary>The case row's property holding the wrapped data key.</summary>
    public const string KeyProperty = "DataKey";

    private const int MostRemembered = 4096;
    private readonly ConcurrentDictionary<string, Remembered> _cache = new(StringComparer.Ordinal);

    /// <summary>
    /// A new data key for a case about to be stored; kept in memory only once the case is (<see cref="Remember(CaseCipher)"/>),
    /// so an attempt that loses to a duplicate never stands for the stored case's key.
    /// </summary>
    public async Task<CaseCipher> CreateAsync(string referralId, CancellationToken cancellationToken)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var wrapped = await kek.WrapAsync(key, cancellationToken).ConfigureAwait(false);
        return new CaseCipher(referralId, key, wrapped);
    }

    /// <summary>Keeps the key of a case just stored with it, so its next writes need no read and no unwrap.</summary>
    public void Remember(CaseCipher cipher)
    {
        ArgumentNullException.ThrowIfNull(cipher);
        var now = time.GetUtcNow();
        if (_cache.Count >= MostRemembered)
        {
            foreach (var (id, entry) in _cache)
            {
                if (entry.Until <= now)
                {
                    _cache.TryRemove(id, out _);
                }
            }

            if (_cache.Count >= MostRemembered)
            {
                _cache.Clear();
            }
        }

        _cache[cipher.ReferralId] = new Remembered(cipher, now + options.Value.KeyCacheLifetime);
    }

    /// <summary>The cipher of the case whose row this is; <c>null</c> for a row stored before encryption at rest.</summary>
    public Task<CaseCipher?> FromRowAsync(TableEntity row, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(row);
        return FromRowAsync(row.PartitionKey, row, cancellationToken);
    }

    // A row read with a select has no PartitionKey: the caller names the case.
    private async Task<CaseCipher?> FromRowAsync(string referralId, TableEntity row, CancellationToken cancellationToken)
    {
        if (WrappedOf(row) is not { } wrapped)
        {
            return null;
        }

        if (_cache.TryGetValue(referralId, out var known) && known.Until > time.GetUtcNow() && known.Cipher.Wrapped.Value.AsSpan().SequenceEqual(wrapped.Value))
        {
            return known.Cipher;
        }

        var key = await kek.UnwrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
        return Remember(referralId, wrapped, key);
    }

    /// <summary>
    /// The cipher of a stored case: from memory when its key was read lately, else one read of the
    /// case row's key. <c>null</c> for a case stored before encryption at rest; throws when there is no case.
    /// </summary>
    public async Task<CaseCipher?> ForCaseAsync(string referralId, CancellationToken cancellationToken)
    {
        if (_cache.TryGetValue(referralId, out var known) && known.Until > time.GetUtcNow())
        {
            return known.Cipher;
        }

        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.CaseRow, [KeyIdProperty, KeyProperty], cancellationToken).ConfigureAwait(false);
        if (!row.HasValue)
        {
            throw new InvalidOperationException("There is no such case: its personal data has no key to be sealed with.");
        }

        return await FromRowAsync(referralId, row.Value!, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Forgets a case's key (it was deleted, or the row was not stored).</summary>
    public void Forget(string referralId) => _cache.TryRemove(referralId, out _);

    /// <summary>
    /// Key rotation (docs/storage.md): re-wraps the data key of one case under the newest version of the
    /// key-encryption key, when an older one wrapped it, by merging the two key properties into the case
    /// row under its ETag. No sealed data is rewritten. Returns whether it re-wrapped; a row changed
    /// between the read and the merge is read again, and one still contended after
    /// <see cref="ConflictBackoff.MaxAttempts"/> throws, so the pass does not count it done.
    /// </summary>
    public async Task<bool> RewrapAsync(string referralId, CancellationToken cancellationToken)
    {
        var table = await tables.GetAsync(StorageTables.Cases, cancellationToken).ConfigureAwait(false);
        for (var attempt = 1; ; attempt++)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(referralId, CaseEntities.CaseRow, [KeyIdProperty, KeyProperty], cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || WrappedOf(row.Value!) is not { } wrapped || !await kek.IsStaleAsync(wrapped, cancellationToken).ConfigureAwait(false))
            {
                return false;
            }

            var key = await kek.UnwrapAsync(wrapped, cancellationToken).ConfigureAwait(false);
            var rewrapped = await kek.WrapAsync(key, cancellationToken).ConfigureAwait(false);
            var merge = new TableEntity(referralId, CaseEntities.CaseRow);
            WriteTo(merge, rewrapped);
            try
            {
                await table.UpdateEntityAsync(merge, row.Value!.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412 && attempt < ConflictBackoff.MaxAttempts)
            {
                // Changed (or deleted) since read: read again. An update writes back the key it read, so a case
                // updated meanwhile is most likely still under the older version; left for a later pass, it would
                // stay there once the pass moved the marker, and be unreadable when that version is disabled (§12).
                await ConflictBackoff.DelayAsync(attempt, cancellationToken).ConfigureAwait(false);
                continue;
            }

            Remember(referralId, rewrapped, key);
            return true;
        }
    }

    public static void WriteTo(TableEntity entity, WrappedDataKey wrapped)
    {
        ArgumentNullException.ThrowIfNull(entity);
        ArgumentNullException.ThrowIfNull(wrapped);
        entity[KeyIdProperty] = wrapped.KeyId;
        entity[KeyProperty] = wrapped.Value;
    }

    private static WrappedDataKey? WrappedOf(TableEntity row) =>
        row.GetString(KeyIdProperty) is { } id && row.GetBinary(KeyProperty) is { } value ? new WrappedDataKey(id, value) : null;

    private CaseCipher Remember(string referralId, WrappedDataKey wrapped, byte[] key)
    {
        var cipher = new CaseCipher(referralId, key, wrapped);
        Remember(cipher);
        return cipher;
    }

    private sealed record Remembered(CaseCipher Cipher, DateTimeOffset Until);
}
