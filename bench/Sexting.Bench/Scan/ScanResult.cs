namespace Sexting.Bench.Scan;

/// <summary>
/// The reminder scan over a number of stored cases: requests of the due query, of the reads of due cases, and its
/// time; and the retention scan's (issue 22): its requests to find what is due for deletion (the two due queries,
/// closed and unconfirmed) and how many it found.
/// </summary>
internal sealed record ScanResult(int StoredCases, int OpenEntries, int DueCases, long DueQueryRequests, long CaseReadRequests, double Milliseconds, TimeSpan SeedTime)
{
    public long Requests => DueQueryRequests + CaseReadRequests;

    /// <summary>Closed cases in the due index waiting out their retention (not yet due for deletion).</summary>
    public int RetainedEntries { get; init; }

    public int RetentionDue { get; init; }

    public long RetentionRequests { get; init; }

    public double RetentionMilliseconds { get; init; }
}
