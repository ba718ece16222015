using System.Collections.Concurrent;
using Sexting.Core.Audit;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>The audit in memory: what each case's audit would hold, for tests to read.</summary>
public sealed class InMemoryAuditLog : IAuditLog
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<AuditEntry>> _entries = new(StringComparer.Ordinal);

    public Task AppendAsync(string referralId, AuditEntry entry, CancellationToken cancellationToken)
    {
        _entries.GetOrAdd(referralId, _ => new ConcurrentQueue<AuditEntry>()).Enqueue(entry);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AuditEntry>> ReadAsync(string referralId, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<AuditEntry>>(_entries.TryGetValue(referralId, out var queue) ? [.. queue.OrderBy(e => e.At)] : []);
}
