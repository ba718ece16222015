namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Jittered back-off between attempts after an optimistic-concurrency conflict, so that
/// contending hosts do not retry in lock step.
/// </summary>
internal static class ConflictBackoff
{
    /// <summary>How many conflicts an operation tolerates before giving up.</summary>
    public const int MaxAttempts = 64;

    public static Task DelayAsync(int attempt, CancellationToken cancellationToken)
    {
        var ceiling = Math.Min(250, 5 * (1 << Math.Min(attempt, 6)));
#pragma warning disable CA5394 // jitter, not security
        var delay = Random.Shared.Next(1, ceiling + 1);
#pragma warning restore CA5394
        return Task.Delay(TimeSpan.FromMilliseconds(delay), cancellationToken);
    }
}
