namespace Sexting.Bench.Scan;

/// <summary>The reminder scan over a number of stored cases: requests of the due query, of the reads of due cases, and its time.</summary>
internal sealed record ScanResult(int StoredCases, int OpenEntries, int DueCases, long DueQueryRequests, long CaseReadRequests, double Milliseconds, TimeSpan SeedTime)
{
    public long Requests => DueQueryRequests + CaseReadRequests;
}
