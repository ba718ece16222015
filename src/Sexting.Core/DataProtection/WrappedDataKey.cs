namespace Sexting.Core.DataProtection;

/// <summary>A data key wrapped by a key-encryption key: which key (and version) wrapped it, and the wrapped bytes.</summary>
public sealed record WrappedDataKey(string KeyId, byte[] Value);
