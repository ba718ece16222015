using Sexting.Core.Cases;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>A thread-safe in-memory <see cref="IOnceLedger"/>: one claim per key, as the Table Storage ledger.</summary>
public sealed class InMemoryOnceLedger : IOnceLedger
{
    private readonly Lock _lock = new();
    private readonly HashSet<string> _claims = new(StringComparer.Ordinal);
    private readonly HashSet<string> _completed = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Claims
    {
        get
        {
            lock (_lock)
            {
                return [.. _claims];
            }
        }
    }

    public int Releases { get; private set; }

    public async Task<OnceClaim> TryClaimAsync(string key, CancellationToken cancellationToken)
    {
        await Task.Yield(); // let concurrent callers interleave, as over the network
        lock (_lock)
        {
            return _completed.Contains(key) ? OnceClaim.Completed : _claims.Add(key) ? OnceClaim.Claimed : OnceClaim.Held;
        }
    }

    public Task CompleteAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _claims.Add(key);
            _completed.Add(key);
            return Task.CompletedTask;
        }
    }

    public Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Releases++;
            _claims.Remove(key);
            return Task.CompletedTask;
        }
    }
}
