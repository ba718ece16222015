using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Infrastructure.DataProtection;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The timeline's keyed hash chain (contract §12): entry n carries <c>Seq = n</c> and
/// <c>Mac = HMAC-SHA256(key, Mac(n-1) | n | referral | row key | time | event | key | stored detail)</c>,
/// and a head row in the case's partition holds the last <c>Seq</c> and <c>Mac</c>, updated under its
/// ETag in the same transaction as the entry, so concurrent appends are numbered without gaps. The
/// key is derived (HKDF-SHA256) from <see cref="DataProtectionOptions.TimelineKey"/>, so whoever can
/// edit the table cannot re-chain an edited timeline. The stored (sealed) detail is what is hashed:
/// checking needs no data key.
/// </summary>
internal sealed class TimelineChain
{
    /// <summary>The head row of a case's chain.</summary>
    public const string HeadRow = "chain";

    public const string SeqProperty = "Seq";
    public const string MacProperty = "Mac";

    /// <summary>
    /// The head's own keyed hash of its <c>Seq</c> and <c>Mac</c>: without it the head is a plain copy of its last
    /// entry's, which anyone who can edit the table could set to an earlier entry's after removing the later ones.
    /// </summary>
    public const string HeadMacProperty = "HeadMac";

    /// <summary>
    /// On an entry chained since heads carry <see cref="HeadMacProperty"/>, and hashed into its <c>Mac</c>: a chain
    /// whose last entry has it needs a keyed head, so taking the head's hash away does not make an unkeyed head pass.
    /// </summary>
    public const string VersionProperty = "ChainV";

    private const long KeyedHeadVersion = 2;

    /// <summary>The HKDF <c>info</c>: binds the derived key to this one use of the secret.</summary>
    internal const string KeyPurpose = "Sexting timeline chain v1";

    private readonly byte[] _key;

    public TimelineChain(IOptions<DataProtectionOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(options.Value.TimelineKey), 32, [], Encoding.UTF8.GetBytes(KeyPurpose));
    }

    /// <summary>Numbers and chains <paramref name="row"/> after <paramref name="previousMac"/>.</summary>
    public void Chain(TableEntity row, long seq, string? previousMac)
    {
        ArgumentNullException.ThrowIfNull(row);
        row[SeqProperty] = seq;
        row[VersionProperty] = KeyedHeadVersion;
        row[MacProperty] = Mac(row, seq, previousMac);
    }

    /// <summary>The head row after <paramref name="row"/> was chained, with its keyed hash.</summary>
    public TableEntity Head(TableEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var seq = row.GetInt64(SeqProperty) ?? 0;
        var mac = row.GetString(MacProperty);
        return new TableEntity(row.PartitionKey, HeadRow)
        {
            [SeqProperty] = seq,
            [MacProperty] = mac,
            [HeadMacProperty] = HeadMac(row.PartitionKey, seq, mac),
        };
    }

    /// <summary>Walks the chain from 1: the first position whose entry is missing, doubled or does not hash to its Mac is where it broke.</summary>
    public TimelineVerification Verify(TableEntity? head, IReadOnlyList<TableEntity> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var length = (int)(head?.GetInt64(SeqProperty) ?? 0);
        var bySeq = rows.GroupBy(r => r.GetInt64(SeqProperty) ?? 0).ToDictionary(g => g.Key, g => g.ToList());
        string? previous = null;
        var count = Math.Max(length, rows.Count);
        for (var n = 1; n <= count; n++)
        {
            if (!bySeq.TryGetValue(n, out var at) || at.Count != 1)
            {
                return TimelineVerification.BrokenAtPosition(length, n);
            }

            var mac = at[0].GetString(MacProperty);
            var expected = Mac(at[0], n, previous);
            if (mac is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(expected)))
            {
                return TimelineVerification.BrokenAtPosition(length, n);
            }

            previous = mac;
        }

        // The head is chained too: a last entry removed, or the head rolled back, shows here.
        if (head is not null && head.GetString(MacProperty) != previous)
        {
            return TimelineVerification.BrokenAtPosition(length, count);
        }

        // Every chain has its head, written with its first entry: gone, the entries after the last one left may be
        // gone with it. A head keyed since its chain's last entry was written must still hash to its Seq and Mac,
        // so one set back to an earlier entry's values (the later entries removed) shows too.
        if (count > 0 && !HeadHolds(head, length, previous, bySeq[count][0]))
        {
            return TimelineVerification.BrokenAtPosition(length, count + 1);
        }

        return TimelineVerification.IntactWith(count);
    }

    // A head is there; keyed, its HeadMac matches; unkeyed, only when the last entry predates keyed heads.
    private bool HeadHolds(TableEntity? head, long length, string? lastMac, TableEntity last)
    {
        if (head is null)
        {
            return false;
        }

        if (head.GetString(HeadMacProperty) is not { } headMac)
        {
            return (last.GetInt64(VersionProperty) ?? 1) < KeyedHeadVersion;
        }

        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(headMac), Encoding.ASCII.GetBytes(HeadMac(head.PartitionKey, length, lastMac)));
    }

    private string HeadMac(string referralId, long seq, string? mac) =>
        Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(
            string.Join('\n', "head", referralId, seq.ToString(CultureInfo.InvariantCulture), mac ?? string.Empty))));

    /// <summary>The keyed hash of <paramref name="row"/> as it stands (an entry without <see cref="VersionProperty"/> as chained before it).</summary>
    internal string Mac(TableEntity row, long seq, string? previousMac)
    {
        var detail = row.GetBinary(CaseEntities.SealedDetailProperty) is { } sealedDetail
            ? "b:" + Convert.ToBase64String(sealedDetail)
            : "s:" + row.GetString("Detail");
        var text = string.Join('\n',
            previousMac ?? string.Empty,
            seq.ToString(CultureInfo.InvariantCulture),
            row.PartitionKey,
            row.RowKey,
            (row.GetDateTimeOffset("At")?.UtcTicks ?? -1).ToString(CultureInfo.InvariantCulture),
            row.GetString("Event"),
            row.GetString("Key"),
            detail);
        if (row.GetInt64(VersionProperty) is { } version)
        {
            text += "\nv" + version.ToString(CultureInfo.InvariantCulture);
        }

        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
