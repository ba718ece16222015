namespace Sexting.Core.Referrals;

/// <summary>The date in the UK, where both forces are: "today" for a school is not the UTC date after 23:00 in summer.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOf(clock.GetUtcNow());
    }

    /// <summary>The UK calendar date at <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, London).DateTime);

    /// <summary>
    /// The instant the UK calendar date <paramref name="date"/> begins (midnight in the UK, as UTC),
    /// so a range of UK days maps to a range of instants. UK clocks change at 01:00 and 02:00, never at midnight.
    /// </summary>
    public static DateTimeOffset StartOf(DateOnly date) =>
        new(TimeZoneInfo.ConvertTimeToUtc(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), London), TimeSpan.Zero);

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            // A machine without time zone data: UTC is never more than an hour out.
            return TimeZoneInfo.Utc;
        }
    }
}
