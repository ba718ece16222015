using System.Security.Cryptography;
using System.Text;
using Sexting.Core.DataProtection;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Seals the personal fields of one case with its data key (AES-256-GCM, contract §12): a version
/// byte, a random 96-bit nonce, the 128-bit tag, the ciphertext. The referral id and the field's name
/// are the associated data, so a sealed value moved to another case or field does not open.
/// </summary>
internal sealed class CaseCipher
{
    private const byte Version = 1;
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private const int HeaderBytes = 1 + NonceBytes + TagBytes;
    private readonly byte[] _key;

    public CaseCipher(string referralId, byte[] key, WrappedDataKey wrapped)
    {
        ReferralId = referralId;
        _key = key;
        Wrapped = wrapped;
    }

    public string ReferralId { get; }

    /// <summary>The data key as stored on the case row.</summary>
    public WrappedDataKey Wrapped { get; }

    public byte[] Seal(string field, ReadOnlySpan<byte> plain)
    {
        var sealedValue = new byte[HeaderBytes + plain.Length];
        sealedValue[0] = Version;
        var nonce = sealedValue.AsSpan(1, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagBytes);
        aes.Encrypt(nonce, plain, sealedValue.AsSpan(HeaderBytes), sealedValue.AsSpan(1 + NonceBytes, TagBytes), Associated(field));
        return sealedValue;
    }

    public byte[] Open(string field, ReadOnlySpan<byte> sealedValue)
    {
        if (sealedValue.Length < HeaderBytes || sealedValue[0] != Version)
        {
            throw new CryptographicException("Not a sealed value.");
        }

        var plain = new byte[sealedValue.Length - HeaderBytes];
        using var aes = new AesGcm(_key, TagBytes);
        aes.Decrypt(sealedValue.Slice(1, NonceBytes), sealedValue[HeaderBytes..], sealedValue.Slice(1 + NonceBytes, TagBytes), plain, Associated(field));
        return plain;
    }

    public byte[] SealText(string field, string text) => Seal(field, Encoding.UTF8.GetBytes(text));

    public string OpenText(string field, ReadOnlySpan<byte> sealedValue) => Encoding.UTF8.GetString(Open(field, sealedValue));

    private byte[] Associated(string field) => Encoding.UTF8.GetBytes(ReferralId + "\n" + field);
}
