using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Referrals;

public sealed class AgeTests
{
    [Theory]
    [InlineData("2013-11-20", "2026-11-20", 13, "§3.5.2 13th birthday on the day: 13")]
    [InlineData("2013-11-21", "2026-11-20", 12, "§3.5.2 13th birthday the day after: 12")]
    [InlineData("2008-11-20", "2026-11-20", 18, "§1.2.1 18th birthday on the day: 18")]
    [InlineData("2008-11-21", "2026-11-20", 17, "§1.2.1 18th birthday the day after: 17")]
    [InlineData("2012-02-29", "2025-02-28", 12, "29 Feb birthday, non-leap year, 28 Feb: not yet 13")]
    [InlineData("2012-02-29", "2025-03-01", 13, "29 Feb birthday, non-leap year, 1 Mar: 13 (FLRA 1969 s.9)")]
    [InlineData("2012-02-29", "2024-02-29", 12, "29 Feb birthday in a leap year: 12 on the day")]
    [InlineData("2012-02-29", "2024-02-28", 11, "29 Feb birthday in a leap year, day before: 11")]
    [InlineData("2026-11-19", "2026-11-20", 0, "a day old")]
    public void InWholeYears_Boundary_Expected(string born, string on, int expected, string because)
    {
        var age = Age.InWholeYears(DateOnly.Parse(born, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(expected == age, $"{because}: expected {expected}, got {age}");
    }
}
