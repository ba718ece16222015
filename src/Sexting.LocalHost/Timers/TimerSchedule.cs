using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using NCrontab;

namespace Sexting.LocalHost.Timers;

/// <summary>
/// A timer trigger's schedule as Azure reads it: <c>%Key%</c> resolved from configuration, then a
/// six-field NCRONTAB expression (seconds first) or a TimeSpan interval. Times are UTC, Azure's default.
/// </summary>
internal sealed partial class TimerSchedule
{
    private readonly CrontabSchedule? _cron;
    private readonly TimeSpan _interval;

    private TimerSchedule(string expression, CrontabSchedule? cron, TimeSpan interval)
    {
        Expression = expression;
        _cron = cron;
        _interval = interval;
    }

    public string Expression { get; }

    public static TimerSchedule Parse(string schedule, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        ArgumentNullException.ThrowIfNull(configuration);
        var expression = SettingReference().Replace(schedule, match =>
            configuration[match.Groups[1].Value] ?? throw new InvalidOperationException($"Timer schedule setting '{match.Groups[1].Value}' is not configured."));

        var cron = CrontabSchedule.TryParse(expression, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        if (cron is not null)
        {
            return new TimerSchedule(expression, cron, TimeSpan.Zero);
        }

        if (TimeSpan.TryParse(expression, CultureInfo.InvariantCulture, out var interval) && interval > TimeSpan.Zero)
        {
            return new TimerSchedule(expression, null, interval);
        }

        throw new FormatException($"'{expression}' is neither a six-field NCRONTAB expression nor a TimeSpan.");
    }

    public DateTime NextAfter(DateTime utc) => _cron?.GetNextOccurrence(utc) ?? utc + _interval;

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingReference();
}
