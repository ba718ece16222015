namespace Sexting.Core.Cases;

/// <summary>
/// Checks a case's timeline against its keyed hash chain (contract §12): each entry is chained to
/// the one before it, so an entry altered, removed or reordered in storage is found.
/// </summary>
public interface ITimelineVerifier
{
    /// <summary>The verdict on the stored timeline of <paramref name="referralId"/>; <c>null</c> when there is no such case.</summary>
    Task<TimelineVerification?> VerifyTimelineAsync(string referralId, CancellationToken cancellationToken);
}
