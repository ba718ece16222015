using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Counts storage transactions (HTTP requests, retries included: each is billed) per store
/// operation (<see cref="StorageOperation"/>). Registered once per process in the table client's
/// pipeline; read by tests and the benchmark.
/// </summary>
public sealed class StorageRequestCounter : HttpPipelinePolicy
{
    /// <summary>The name under which requests outside any named operation are counted.</summary>
    public const string Unnamed = "(none)";

    private readonly ConcurrentDictionary<string, long> _byOperation = new(StringComparer.Ordinal);
    private long _total;

    /// <summary>Every request counted since creation or the last <see cref="Reset"/>.</summary>
    public long Total => Interlocked.Read(ref _total);

    /// <summary>Requests made under <paramref name="operation"/>.</summary>
    public long Of(string operation) => _byOperation.TryGetValue(operation, out var count) ? count : 0;

    /// <summary>A copy of the counts per operation.</summary>
    public IReadOnlyDictionary<string, long> Snapshot() => new Dictionary<string, long>(_byOperation, StringComparer.Ordinal);

    /// <summary>Sets every count to zero.</summary>
    public void Reset()
    {
        _byOperation.Clear();
        Interlocked.Exchange(ref _total, 0);
    }

    /// <inheritdoc />
    public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        ProcessNext(message, pipeline);
    }

    /// <inheritdoc />
    public override ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
    {
        Count();
        return ProcessNextAsync(message, pipeline);
    }

    private void Count()
    {
        Interlocked.Increment(ref _total);
        _byOperation.AddOrUpdate(StorageOperation.Current ?? Unnamed, 1, static (_, count) => count + 1);
    }
}
