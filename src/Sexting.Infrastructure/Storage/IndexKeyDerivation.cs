using System.Security.Cryptography;
using System.Text;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Derives the HMAC keys of the app's keyed hashes from the one secret <see cref="TableStorageOptions.IndexKey"/>:
/// HKDF-SHA256, 256 bits, with an <c>info</c> naming the use, so each use has its own key and the
/// secret's length does not matter (azd generates 15 characters; docs/storage.md).
/// </summary>
internal static class IndexKeyDerivation
{
    public static byte[] DeriveKey(TableStorageOptions options, string purpose)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        return HKDF.DeriveKey(
            HashAlgorithmName.SHA256,
            Encoding.UTF8.GetBytes(options.IndexKey),
            outputLength: 32,
            salt: [],
            info: Encoding.UTF8.GetBytes(purpose));
    }
}
