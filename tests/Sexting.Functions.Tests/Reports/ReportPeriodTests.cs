using Sexting.Functions.Reports;

namespace Sexting.Functions.Tests.Reports;

public sealed class ReportPeriodTests
{
    [Theory]
    [InlineData("2026-11-01", "2026-11-30")]
    [InlineData("2026-11-01", "2026-11-01")] // one day
    [InlineData("2024-01-01", "2024-12-31")] // a leap year: 366 days
    [InlineData("2024-01-01", "2025-01-01")] // longer than a year (contract §8 sets no limit)
    [InlineData("2000-01-01", "2100-12-31")] // the whole range the contract allows
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
    [InlineData("1999-12-31", "2026-11-30", "from")] // contract §8: outside 2000–2100
    [InlineData("2026-11-01", "2101-01-01", "to")]
    [InlineData("2026-11-01", "9999-12-31", "to")] // its next day would not exist
    [InlineData("0001-01-01", "2026-11-30", "from")]
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
