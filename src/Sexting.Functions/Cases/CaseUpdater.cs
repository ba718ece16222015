using Sexting.Core.Cases;

namespace Sexting.Functions.Cases;

/// <summary>
/// Applies a change to a stored case with optimistic concurrency: on a conflict it reads the
/// case again and re-applies the change, so a concurrent writer is never overwritten. Between
/// attempts it waits a random, growing while (full jitter, 5 ms doubling up to 200 ms), so writers
/// that collided do not collide again at once.
/// </summary>
public sealed class CaseUpdater(ICaseStore store, TimeProvider? clock = null)
{
    private const int MaxAttempts = 10;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(5);
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMilliseconds(200);
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    /// <summary>The wait after the <paramref name="attempt"/>th conflict: a random share of 5 ms × 2^(attempt−1), at most 200 ms.</summary>
    internal static TimeSpan Backoff(int attempt, double random) =>
        TimeSpan.FromMilliseconds(random * Math.Min(MaxDelay.TotalMilliseconds, BaseDelay.TotalMilliseconds * Math.Pow(2, attempt - 1)));

    /// <summary>
    /// Reads the case and stores <paramref name="change"/>(case). The change returns null when
    /// there is nothing to do (already applied by an earlier attempt of a retried activity).
    /// </summary>
    public Task<CaseRecord> UpdateAsync(string referralId, Func<CaseRecord, CaseRecord?> change, CancellationToken cancellationToken) =>
        UpdateAsync(referralId, null, change, cancellationToken);

    /// <summary>
    /// As <see cref="UpdateAsync(string, Func{CaseRecord, CaseRecord?}, CancellationToken)"/>, starting
    /// from <paramref name="read"/>, the case as the caller just read it (no second read unless it conflicts).
    /// </summary>
    public Task<CaseRecord> UpdateAsync(CaseRecord read, Func<CaseRecord, CaseRecord?> change, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        return UpdateAsync(read.ReferralId, read, change, cancellationToken);
    }

    /// <summary>
    /// Issue 22: as <see cref="UpdateAsync(string, Func{CaseRecord, CaseRecord?}, CancellationToken)"/>, with the
    /// step's timeline entry (made from the case as it will be stored) in the same transaction as the change. When
    /// the change is there already (a retried step), the entry is appended alone, idempotently by its key.
    /// <paramref name="read"/>, when given, is the case as the caller just read it. An <paramref name="entry"/> of
    /// <c>null</c> for a case means no entry for it.
    /// </summary>
    public Task<CaseRecord> UpdateAsync(string referralId, CaseRecord? read, Func<CaseRecord, CaseRecord?> change, Func<CaseRecord, TimelineEntry?> entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return UpdateAsync(referralId, read, change, cancellationToken, entry);
    }

    private async Task<CaseRecord> UpdateAsync(
        string referralId, CaseRecord? read, Func<CaseRecord, CaseRecord?> change, CancellationToken cancellationToken, Func<CaseRecord, TimelineEntry?>? entry = null)
    {
        ArgumentNullException.ThrowIfNull(change);
        for (var attempt = 1; ; attempt++)
        {
            var current = (attempt == 1 ? read : null)
                ?? await store.GetAsync(referralId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {referralId} does not exist.");
            var updated = change(current);
            if (updated is null)
            {
                // Applied already, perhaps by an attempt whose list-row write failed: the store puts that right.
                if (entry?.Invoke(current) is { } existing)
                {
                    await store.AppendTimelineAsync(referralId, existing, cancellationToken).ConfigureAwait(false);
                }

                await store.RelistAsync(current, cancellationToken).ConfigureAwait(false);
                return current;
            }

            try
            {
                return entry?.Invoke(updated) is { } step
                    ? await store.UpdateAsync(updated, step, cancellationToken).ConfigureAwait(false)
                    : await store.UpdateAsync(updated, cancellationToken).ConfigureAwait(false);
            }
            catch (ConcurrencyConflictException) when (attempt < MaxAttempts)
            {
                // Someone else wrote first: wait a little, read again and re-decide.
            }

            await Task.Delay(Backoff(attempt, Random.Shared.NextDouble()), _clock, cancellationToken).ConfigureAwait(false);
        }
    }
}
