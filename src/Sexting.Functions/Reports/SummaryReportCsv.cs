using System.Globalization;
using System.Text;
using Sexting.Core.Monitoring;

namespace Sexting.Functions.Reports;

/// <summary>
/// The CSV form of <see cref="SummaryReport"/> (docs/monitoring.md): a header <c>figure,key,value</c>
/// and one row per figure, for example <c>byStatus,Closed,12</c> or <c>intakeToAuthorisation,medianHours,3.5</c>.
/// Every key and value is a name, a number or a date of the product's own, except a setting's name under <c>bySetting</c>, which is quoted.
/// </summary>
public static class SummaryReportCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static string Write(SummaryReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var csv = new StringBuilder();
        void Row(string figure, string key, string value) => csv.Append(figure).Append(',').Append(key).Append(',').Append(value).Append("\r\n");
        static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

        Row("figure", "key", "value");
        Row("from", "", report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("to", "", report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Row("generatedAt", "", report.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
        Row("totalCases", "", Number(report.TotalCases));
        foreach (var (figure, counts) in new[]
        {
            ("byForce", report.ByForce),
            ("byStatus", report.ByStatus),
            ("byRoute", report.ByRoute),
            ("byAggravatingFactor", report.ByAggravatingFactor),
        })
        {
            foreach (var (key, count) in counts)
            {
                Row(figure, key, Number(count));
            }
        }

        foreach (var (figure, durations) in new[]
        {
            ("intakeToAuthorisation", report.IntakeToAuthorisation),
            ("authorisationToEducationDelivered", report.AuthorisationToEducationDelivered),
        })
        {
            Row(figure, "count", Number(durations.Count));
            Row(figure, "medianHours", Hours(durations.Median));
            Row(figure, "percentile90Hours", Hours(durations.Percentile90));
        }

        Row("pastDue", "", Number(report.PastDue));
        // Contract §8 v2.
        Row("safeguardingAlerts", "", Number(report.SafeguardingAlerts));
        Row("declines", "", Number(report.Declines));
        Row("consultations", "", Number(report.Consultations));
        Row("returnsToOutcome21", "", Number(report.ReturnsToOutcome21));
        Row("unconfirmed", "", Number(report.Unconfirmed));
        foreach (var (setting, count) in report.BySetting)
        {
            Row("bySetting", Field(setting), Number(count));
        }

        return csv.ToString();
    }

    // A setting's name is typed by the school: quoted as RFC 4180 asks, and a leading formula
    // character is neutralised so a spreadsheet does not run it (CSV injection).
    private static string Field(string value)
    {
        var safe = value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 || safe != value ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    // Hours to two decimals (36 seconds); empty when no case completed the step.
    private static string Hours(TimeSpan? duration) =>
        duration is { } d ? Math.Round(d.TotalHours, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture) : "";
}
