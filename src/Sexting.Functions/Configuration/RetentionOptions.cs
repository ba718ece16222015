namespace Sexting.Functions.Configuration;

/// <summary>
/// Contract §1, §12 <c>Retention:*</c>: how long a case is held after it closed, and an unconfirmed
/// referral after it became unconfirmed, and when the retention timer runs. docs/storage.md gives the
/// reasons for the defaults (MoPI) and how a force sets its own.
/// </summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Contract §1's default: 03:30 UK winter time, 02:30 UTC, every day; after the review reminders of 07:00 the day before.</summary>
    public const string DefaultSchedule = "0 30 2 * * *";

    /// <summary>A closed case is deleted this long after it closed; the default is six years (MoPI's Group 3 review period).</summary>
    public TimeSpan ClosedCaseAfter { get; set; } = TimeSpan.FromDays(2190);

    /// <summary>An unconfirmed referral is deleted this long after it became unconfirmed.</summary>
    public TimeSpan UnconfirmedAfter { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Six-field NCRONTAB (seconds first), UTC.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    public bool IsValid() =>
        ClosedCaseAfter > TimeSpan.Zero && UnconfirmedAfter > TimeSpan.Zero && RemindersOptions.IsSixFieldNcrontab(Schedule);
}
