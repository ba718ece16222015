namespace Sexting.Core.Referrals;

/// <summary>The date in the UK, where both forces are: "today" for a school is not the UTC date after 23:00 in summer.</summary>
public static class UkClock
{
    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>Today's date in the UK.</summary>
    public static DateOnly Today(TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), London).DateTime);
    }

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
