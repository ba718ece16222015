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
        row[MacProperty] = Mac(row, seq, previousMac);
    }

    /// <summary>The head row after <paramref name="row"/> was chained.</summary>
    public static TableEntity Head(TableEntity row) => new(row.PartitionKey, HeadRow)
    {
        [SeqProperty] = row.GetInt64(SeqProperty),
        [MacProperty] = row.GetString(MacProperty),
    };

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

        return TimelineVerification.IntactWith(count);
    }

    private string Mac(TableEntity row, long seq, string? previousMac)
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
        return Convert.ToBase64String(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(text)));
    }
}
