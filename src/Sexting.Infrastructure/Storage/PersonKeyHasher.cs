using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Turns a person's identity key (normalised name and date of birth, §3.4.6) into the key of the
/// people index: HMAC-SHA256 under <see cref="TableStorageOptions.IndexKey"/>, lower-case hex.
/// Without the key, a copy of the table cannot be searched for a guessed name.
/// </summary>
internal sealed class PersonKeyHasher
{
    private readonly byte[] _key;

    public PersonKeyHasher(IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _key = Encoding.UTF8.GetBytes(options.Value.IndexKey);
    }

    public string Hash(string personKey)
    {
        ArgumentNullException.ThrowIfNull(personKey);
        return Convert.ToHexStringLower(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes(personKey)));
    }
}
