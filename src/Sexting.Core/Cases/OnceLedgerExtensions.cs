namespace Sexting.Core.Cases;

/// <summary>
/// The one way to do "at most once" work with an <see cref="IOnceLedger"/>: claim the key, do the
/// work, then complete the claim when the work counts as done or release it when it does not (or
/// throws), so a retry can do it. The email sender and the review reminders both run through it.
/// </summary>
public static class OnceLedgerExtensions
{
    /// <summary>
    /// Runs <paramref name="work"/> if, and only if, <paramref name="key"/> is claimed now.
    /// </summary>
    /// <param name="ledger">The ledger that holds the claims.</param>
    /// <param name="key">The work's key.</param>
    /// <param name="work">The work, run once the claim is held.</param>
    /// <param name="isDone">Whether a result completes the claim; otherwise the claim is released.</param>
    /// <param name="releaseFailed">
    /// Told when a release fails while <paramref name="work"/>'s own exception is on its way out, so that
    /// exception is the one the caller sees. The claim then lapses after the ledger's lease.
    /// </param>
    /// <param name="cancellationToken">Cancels the claim and is the caller's to pass to the work.
    /// Completing and releasing are not cancelled: a claim left behind would hold the work up until its lease lapses.</param>
    /// <returns>The claim's answer and, when it was <see cref="OnceClaim.Claimed"/>, the work's result.</returns>
    public static async Task<OnceRun<T>> RunOnceAsync<T>(
        this IOnceLedger ledger,
        string key,
        Func<Task<T>> work,
        Func<T, bool> isDone,
        Action<Exception>? releaseFailed,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ledger);
        ArgumentException.ThrowIfNullOrEmpty(key);
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(isDone);

        var claim = await ledger.TryClaimAsync(key, cancellationToken).ConfigureAwait(false);
        if (claim != OnceClaim.Claimed)
        {
            return new OnceRun<T>(claim, default);
        }

        T result;
        try
        {
            result = await work().ConfigureAwait(false);
        }
        catch (Exception)
        {
            try
            {
                await ledger.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception releaseFailure) when (releaseFailed is not null)
            {
                releaseFailed(releaseFailure);
            }

            throw;
        }

        // Done work is completed; if completing fails the claim is not released, so the work is not
        // repeated at once: it lapses after the lease, which is the most a crash here can cost.
        if (isDone(result))
        {
            await ledger.CompleteAsync(key, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            await ledger.ReleaseAsync(key, CancellationToken.None).ConfigureAwait(false);
        }

        return new OnceRun<T>(OnceClaim.Claimed, result);
    }
}

/// <summary>What <see cref="OnceLedgerExtensions.RunOnceAsync{T}"/> did: the claim's answer and, when claimed, the work's result.</summary>
public readonly record struct OnceRun<T>(OnceClaim Claim, T? Result)
{
    /// <summary>Whether the work ran (the key was claimed now).</summary>
    public bool Ran => Claim == OnceClaim.Claimed;
}
