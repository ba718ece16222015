using Sexting.Core.DataProtection;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>
/// A key-encryption key that runs a step once, before its next wrap: for a re-wrap, between the read of
/// the case row and the merge under its ETag, where another writer can come in.
/// </summary>
internal sealed class InterleavingKeyEncryptionKey(IKeyEncryptionKey inner) : IKeyEncryptionKey
{
    private Func<Task>? _beforeNextWrap;

    /// <summary>Runs <paramref name="step"/> before the next wrap, once.</summary>
    public void BeforeNextWrap(Func<Task> step) => _beforeNextWrap = step;

    public async Task<WrappedDataKey> WrapAsync(ReadOnlyMemory<byte> dataKey, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _beforeNextWrap, null) is { } step)
        {
            await step();
        }

        return await inner.WrapAsync(dataKey, cancellationToken);
    }

    public Task<byte[]> UnwrapAsync(WrappedDataKey wrapped, CancellationToken cancellationToken) => inner.UnwrapAsync(wrapped, cancellationToken);

    public Task<bool> IsStaleAsync(WrappedDataKey wrapped, CancellationToken cancellationToken) => inner.IsStaleAsync(wrapped, cancellationToken);

    public Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken) => inner.CurrentKeyIdAsync(cancellationToken);
}
