namespace Sexting.Core.Referrals;

/// <summary>Age in whole years, as English law counts it.</summary>
public static class Age
{
    /// <summary>
    /// The age in whole years of someone born on <paramref name="dateOfBirth"/>, on
    /// <paramref name="on"/>. Someone born on 29 February attains a new age on 1 March in a
    /// year that has no 29 February (Family Law Reform Act 1969, s.9), so a 13th or 18th
    /// birthday is never counted a day early.
    /// </summary>
    public static int InWholeYears(DateOnly dateOfBirth, DateOnly on)
    {
        var years = on.Year - dateOfBirth.Year;
        if (years <= 0)
        {
            return 0;
        }

        return on < BirthdayIn(dateOfBirth, on.Year) ? years - 1 : years;
    }

    private static DateOnly BirthdayIn(DateOnly dateOfBirth, int year) =>
        dateOfBirth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(year)
            ? new DateOnly(year, 3, 1)
            : new DateOnly(year, dateOfBirth.Month, dateOfBirth.Day);
}
