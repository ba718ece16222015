using System.Security.Cryptography;
using System.Text;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// One of the app's keyed hashes: HMAC-SHA256, lower-case hex, under a key derived from the one secret
/// <see cref="TableStorageOptions.IndexKey"/> by HKDF-SHA256 (256 bits) with an <c>info</c> naming the use,
/// so each use has its own key and the secret's length does not matter (azd generates 15 characters;
/// docs/storage.md). Without the secret, a copy of the tables cannot be searched for a guessed value.
/// </summary>
internal sealed class IndexKeyedHash
{
    private readonly byte[] _key;

    public IndexKeyedHash(TableStorageOptions options, string purpose)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        _key = HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            Encoding.UTF8.GetBytes(options.IndexKey),
            outputLength: 32,
            salt: [],
            info: Encoding.UTF8.GetBytes(purpose));
    }

    /// <summary>The keyed hash of <paramref name="value"/> (its UTF-8 bytes), 64 lower-case hex digits.</summary>
    public string Hex(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(value)));
    }
}
