namespace Sexting.Core.Monitoring;

/// <summary>How long a step took over the cases that completed it: count, median and 90th percentile.</summary>
public sealed record DurationFigures(int Count, TimeSpan? Median, TimeSpan? Percentile90)
{
    /// <summary>
    /// Figures of <paramref name="durations"/>, by the nearest-rank method (the value below which the
    /// given share of cases fall; no interpolation, so every figure is a real case's duration).
    /// </summary>
    public static DurationFigures Of(IEnumerable<TimeSpan> durations)
    {
        var sorted = durations.Order().ToArray();
        return sorted.Length == 0
            ? new DurationFigures(0, null, null)
            : new DurationFigures(sorted.Length, NearestRank(sorted, 0.5), NearestRank(sorted, 0.9));
    }

    private static TimeSpan NearestRank(TimeSpan[] sorted, double share) =>
        sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)];
}
