using System.Globalization;
using Sexting.Core.Referrals;

namespace Sexting.Functions.Reports;

/// <summary>
/// The UK calendar days a report covers, <see cref="From"/> to <see cref="To"/> inclusive, both in
/// <see cref="FirstYear"/>–<see cref="LastYear"/> (contract §8: a date outside them is <c>400</c>). A report
/// reads only the cases received in the period, through the received index, so a long period costs its
/// cases, not the store's.
/// </summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To)
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    /// <summary>The first instant of the period: UK midnight starting <see cref="From"/>.</summary>
    public DateTimeOffset Start => UkClock.StartOf(From);

    /// <summary>The first instant after the period: UK midnight ending <see cref="To"/>.</summary>
    public DateTimeOffset End => UkClock.StartOf(To.AddDays(1));

    /// <summary>Parses the query's <c>from</c> and <c>to</c> (<c>YYYY-MM-DD</c>); errors keyed by parameter.</summary>
    public static (ReportPeriod? Period, Dictionary<string, string[]> Errors) Parse(string? from, string? to)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var start = Date("from", from, errors);
        var end = Date("to", to, errors);
        if (start is { } s && end is { } e)
        {
            if (s > e)
            {
                errors["to"] = ["'to' must be on or after 'from'."];
            }
        }

        return errors.Count > 0 ? (null, errors) : (new ReportPeriod(start!.Value, end!.Value), errors);
    }

    private static DateOnly? Date(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value))
        {
            errors[name] = [$"'{name}' is required, as YYYY-MM-DD."];
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[name] = [$"'{name}' must be a real date as YYYY-MM-DD."];
            return null;
        }

        if (date.Year is < FirstYear or > LastYear)
        {
            errors[name] = [$"'{name}' must be a date from {FirstYear} to {LastYear}."];
            return null;
        }

        return date;
    }
}
