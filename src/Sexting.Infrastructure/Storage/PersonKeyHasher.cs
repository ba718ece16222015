using Microsoft.Extensions.Options;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Turns a person's identity key (normalised name and date of birth, §3.4.6) into the key of the
/// people index: HMAC-SHA256, lower-case hex, under a 256-bit key derived with HKDF-SHA256 from the
/// secret <see cref="TableStorageOptions.IndexKey"/> (<see cref="IndexKeyedHash"/>), so the
/// secret's length does not matter (azd generates 15 characters; docs/storage.md). Without the
/// secret, a copy of the table cannot be searched for a guessed name. Changing the secret or
/// <see cref="KeyPurpose"/> orphans every entry.
/// </summary>
internal sealed class PersonKeyHasher
{
    /// <summary>The HKDF <c>info</c>: binds the derived key to this one use of the secret.</summary>
    internal const string KeyPurpose = "Sexting people index v1";

    private readonly IndexKeyedHash _hash;

    public PersonKeyHasher(IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _hash = new IndexKeyedHash(options.Value, KeyPurpose);
    }

    public string Hash(string personKey) => _hash.Hex(personKey);
}
