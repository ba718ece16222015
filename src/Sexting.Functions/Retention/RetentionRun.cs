namespace Sexting.Functions.Retention;

/// <summary>What one run of the retention timer did (contract §12): counts only, no case data.</summary>
/// <param name="DueEntries">Retention entries found due: the only cases the run read.</param>
/// <param name="Deleted">Cases deleted, their history purged and their tombstones left.</param>
/// <param name="Finished">Cases an earlier run had begun to delete, finished now.</param>
/// <param name="StillRunning">Cases whose orchestration has not finished yet: left for the next run.</param>
/// <param name="Failed">Cases whose deletion failed: the next run tries again.</param>
public sealed record RetentionRun(int DueEntries, int Deleted, int Finished, int StillRunning, int Failed)
{
    /// <summary>
    /// Orchestrations still running past <see cref="RetentionService.RunningGrace"/> on an ended case, terminated
    /// (then counted as deleted, or as still running when they had not ended within the wait).
    /// </summary>
    public int Terminated { get; init; }

    /// <summary>
    /// Entries of cases the store shows still open (set ahead of a close that did not happen): dropped, the case
    /// kept. Its own close or lapse sets the entry again.
    /// </summary>
    public int NotEnded { get; init; }
}
