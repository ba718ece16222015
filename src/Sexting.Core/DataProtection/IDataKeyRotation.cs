namespace Sexting.Core.DataProtection;

/// <summary>
/// Key rotation's second half (contract §12, docs/storage.md "Rotation"): after the key-encryption
/// key gets a new version, every case's data key still wrapped by an older version is re-wrapped
/// under the newest, without rewriting any sealed data. Older versions stay able to unwrap meanwhile.
/// </summary>
public interface IDataKeyRotation
{
    /// <summary>
    /// One pass: nothing but a marker read when every data key was re-wrapped to the newest version
    /// already; else every held case is visited once. Safe to run on several hosts at once.
    /// </summary>
    Task<DataKeyRewrapRun> RewrapStaleAsync(CancellationToken cancellationToken);
}
