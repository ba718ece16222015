using NCrontab;

namespace Sexting.Functions.Configuration;

/// <summary>Contract §1 <c>Reminders:Schedule</c>: when the review-reminder timer runs (contract §7).</summary>
public sealed class RemindersOptions
{
    public const string Section = "Reminders";

    /// <summary>Contract §1's default: 07:00 UTC every day.</summary>
    public const string DefaultSchedule = "0 0 7 * * *";

    /// <summary>Six-field NCRONTAB (seconds first), as the Functions timer trigger reads it; evaluated in UTC.</summary>
    public string Schedule { get; set; } = DefaultSchedule;

    public bool IsValid() => IsSixFieldNcrontab(Schedule);

    /// <summary>Whether <paramref name="schedule"/> is a six-field NCRONTAB expression (the Functions timer's form).</summary>
    public static bool IsSixFieldNcrontab(string? schedule) =>
        schedule is not null
        && schedule.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Length == 6
        && CrontabSchedule.TryParse(schedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true }) is not null;
}
