namespace Sexting.Core.DataProtection;

/// <summary>
/// The key-encryption key of the personal data held at rest (contract §1 <c>DataProtection:KeyUri</c>,
/// §12; SA028 §1.6). Each case has its own data key; only its wrapped form is stored, so whoever
/// holds the storage without this key reads no personal data, and a case whose wrapped key is
/// deleted is unreadable everywhere, backups included.
/// </summary>
public interface IKeyEncryptionKey
{
    /// <summary>Wraps a data key with the newest version of the key-encryption key.</summary>
    Task<WrappedDataKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken);

    /// <summary>Unwraps a data key with the version of the key-encryption key that wrapped it.</summary>
    Task<byte[]> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="wrapped"/> was wrapped by an older version than the newest (a rotation re-wraps it).</summary>
    Task<bool> IsStaleAsync(WrappedDataKey wrapped, CancellationToken cancellationToken);

    /// <summary>The id (with version) of the newest version, the one <see cref="WrapAsync"/> wraps with.</summary>
    Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken);
}
