using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Referrals;

public sealed class UkClockTests
{
    public static TheoryData<string, string> Starts => new()
    {
        { "2026-01-15", "2026-01-15T00:00:00+00:00" }, // GMT
        { "2026-07-15", "2026-07-14T23:00:00+00:00" }, // BST: the UK day starts at 23:00 UTC the day before
        { "2026-03-29", "2026-03-29T00:00:00+00:00" }, // clocks go forward at 01:00 that day
        { "2026-10-25", "2026-10-24T23:00:00+00:00" }, // clocks go back at 02:00 that day
    };

    [Theory]
    [MemberData(nameof(Starts))]
    public void StartOf_UkDate_IsUkMidnightInUtc(string date, string expected)
    {
        var start = UkClock.StartOf(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), start);
        Assert.Equal(TimeSpan.Zero, start.Offset);
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), UkClock.DateOf(start));
        Assert.NotEqual(UkClock.DateOf(start), UkClock.DateOf(start.AddTicks(-1)));
    }
}
