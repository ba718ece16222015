using Sexting.Functions.Reports;

namespace Sexting.Functions.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-11-01", "2026-11-30")]
    [InlineData("2026-11-01", "2026-11-01")] // one day
    [InlineData("2024-01-01", "2024-12-31")] // a leap year: 366 days
    public void Parse_ValidPeriod_ReturnsIt(string from, string to)
    {
        var (period, errors) = ReportPeriod.Parse(from, to);

        Assert.Empty(errors);
        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), period!.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), period.To);
    }

    [Theory]
    [InlineData(null, "2026-11-30", "from")]
    [InlineData("2026-11-01", null, "to")]
    [InlineData("2026-11-1", "2026-11-30", "from")]
    [InlineData("01/11/2026", "2026-11-30", "from")]
    [InlineData("2026-02-30", "2026-03-01", "from")]
    [InlineData("2026-11-01", "2026-11-30T00:00", "to")]
    [InlineData("2026-11-02", "2026-11-01", "to")] // from after to
    [InlineData("2024-01-01", "2025-01-01", "to")] // 367 days
    public void Parse_InvalidPeriod_ErrorKeyedByParameter(string? from, string? to, string key)
    {
        var (period, errors) = ReportPeriod.Parse(from, to);

        Assert.Null(period);
        Assert.Contains(key, errors.Keys);
    }

    [Fact]
    public void StartEnd_SummerPeriod_AreUkMidnights()
    {
        var period = new ReportPeriod(new DateOnly(2026, 7, 1), new DateOnly(2026, 7, 31));

        Assert.Equal(new DateTimeOffset(2026, 6, 30, 23, 0, 0, TimeSpan.Zero), period.Start);
        Assert.Equal(new DateTimeOffset(2026, 7, 31, 23, 0, 0, TimeSpan.Zero), period.End);
    }
}
