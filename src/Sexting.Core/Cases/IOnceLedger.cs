namespace Sexting.Core.Cases;

/// <summary>
/// Claims of "at most once" work: one reminder per case per day, one delivery per email
/// idempotency key. Safe across concurrent callers and hosts, and across a holder that dies: a
/// claim neither completed nor released lapses after a lease, so a crash between claiming and
/// doing the work delays it but never loses it.
/// </summary>
public interface IOnceLedger
{
    /// <summary>
    /// Claims <paramref name="key"/>: <see cref="OnceClaim.Claimed"/> for the first caller (or for the
    /// first caller after a holder's lease lapsed), <see cref="OnceClaim.Completed"/> once the work is
    /// done, <see cref="OnceClaim.Held"/> while another caller's live claim is open.
    /// </summary>
    Task<OnceClaim> TryClaimAsync(string key, CancellationToken cancellationToken);

    /// <summary>Marks the claimed work done: every later claim answers <see cref="OnceClaim.Completed"/>.</summary>
    Task CompleteAsync(string key, CancellationToken cancellationToken);

    /// <summary>Gives up a claim, so the work can be tried again (it failed before it was done). A completed key stays completed.</summary>
    Task ReleaseAsync(string key, CancellationToken cancellationToken);
}
