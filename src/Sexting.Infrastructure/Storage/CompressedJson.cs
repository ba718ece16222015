using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Azure.Data.Tables;
using Sexting.Core.Serialization;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Stores a value as gzip-compressed JSON (<see cref="SextingJson.Options"/>) in binary properties
/// of at most <see cref="ChunkBytes"/> bytes each (<c>Name</c>, <c>Name_1</c>, ...): a property
/// holds at most 64 KiB, and a referral of a 64 KiB body can re-serialise larger than that
/// (non-ASCII text is escaped). The entity as a whole may hold 1 MiB. With a <see cref="CaseCipher"/>
/// the compressed bytes are sealed (contract §12) before they are cut into chunks.
/// </summary>
internal static class CompressedJson
{
    /// <summary>Largest chunk, under the 64 KiB limit of one property.</summary>
    public const int ChunkBytes = 60 * 1024;

    public static void Write<T>(TableEntity entity, string name, T value, CaseCipher? cipher = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            JsonSerializer.Serialize(gzip, value, SextingJson.Options);
        }

        var bytes = cipher is null ? buffer.ToArray() : cipher.Seal(name, buffer.ToArray());
        var chunks = Math.Max(1, (bytes.Length + ChunkBytes - 1) / ChunkBytes);
        for (var i = 0; i < chunks; i++)
        {
            var offset = i * ChunkBytes;
            entity[ChunkName(name, i)] = bytes.AsSpan(offset, Math.Min(ChunkBytes, bytes.Length - offset)).ToArray();
        }
    }

    public static T? Read<T>(TableEntity entity, string name, CaseCipher? cipher = null)
    {
        ArgumentNullException.ThrowIfNull(entity);
        using var buffer = new MemoryStream();
        for (var i = 0; entity.GetBinary(ChunkName(name, i)) is { } chunk; i++)
        {
            buffer.Write(chunk);
        }

        if (buffer.Length == 0)
        {
            return default;
        }

        using var plain = cipher is null ? buffer : new MemoryStream(cipher.Open(name, buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
        plain.Position = 0;
        using var gzip = new GZipStream(plain, CompressionMode.Decompress);
        return JsonSerializer.Deserialize<T>(gzip, SextingJson.Options);
    }

    private static string ChunkName(string name, int index) =>
        index == 0 ? name : name + "_" + index.ToString(CultureInfo.InvariantCulture);
}
