using System.Globalization;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>Dates as people in England read them, in UK time.</summary>
internal static class UkDates
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");
    private static readonly TimeZoneInfo London = FindLondon();

    /// <summary>"20 November 2026".</summary>
    public static string Long(DateOnly date) => date.ToString("d MMMM yyyy", EnGb);

    /// <summary>"Friday 18 December 2026", the UK date of an instant.</summary>
    public static string Day(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, London).ToString("dddd d MMMM yyyy", EnGb);

    /// <summary>"14:00 on Friday 5 December 2026 (UK time)".</summary>
    public static string Moment(DateTimeOffset at)
    {
        var local = TimeZoneInfo.ConvertTime(at, London);
        return local.ToString("HH:mm", EnGb) + " on " + local.ToString("dddd d MMMM yyyy", EnGb) + " (UK time)";
    }

    private static TimeZoneInfo FindLondon()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}
