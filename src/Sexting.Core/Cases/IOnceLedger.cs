namespace Sexting.Core.Cases;

/// <summary>
/// Claims of "at most once" work: one reminder per case per day, one delivery per email
/// idempotency key. Safe across concurrent callers and hosts.
/// </summary>
public interface IOnceLedger
{
    /// <summary>True for the first caller ever to claim <paramref name="key"/>; false for every other, concurrent or later.</summary>
    Task<bool> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Gives up a claim, so the work can be tried again (it failed before it was done).</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
