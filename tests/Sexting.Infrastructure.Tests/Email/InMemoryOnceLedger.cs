using System.Collections.Concurrent;
using Sexting.Core.Cases;

namespace Sexting.Infrastructure.Tests.Email;

/// <summary>An <see cref="IOnceLedger"/> for tests only: a concurrent set of claims.</summary>
internal sealed class InMemoryOnceLedger : IOnceLedger
{
    private readonly ConcurrentDictionary<string, byte> _claims = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Claims => _claims.Keys.ToList();

    public int Releases { get; private set; }

    private readonly ConcurrentDictionary<string, byte> _completed = new(StringComparer.Ordinal);

    public Task<OnceClaim> TryClaimAsync(string key, CancellationToken cancellationToken) =>
        Task.FromResult(_completed.ContainsKey(key) ? OnceClaim.Completed : _claims.TryAdd(key, 0) ? OnceClaim.Claimed : OnceClaim.Held);

    public Task CompleteAsync(string key, CancellationToken cancellationToken)
    {
        _claims.TryAdd(key, 0);
        _completed.TryAdd(key, 0);
        return Task.CompletedTask;
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        _claims.TryRemove(key, out _);
        Releases++;
        return Task.CompletedTask;
    }
}
