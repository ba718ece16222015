using Microsoft.Extensions.Configuration;
using Sexting.LocalHost.Timers;

namespace Sexting.LocalHost.Tests;

public sealed class TimerScheduleTests
{
    private static IConfiguration Config(string schedule) =>
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Reminders:Schedule"] = schedule }).Build();

    [Fact]
    public void Parse_SettingReference_ResolvesSixFieldCronFromConfiguration()
    {
        var schedule = TimerSchedule.Parse("%Reminders:Schedule%", Config("0 0 7 * * *"));

        Assert.Equal("0 0 7 * * *", schedule.Expression);
        Assert.Equal(new DateTime(2026, 11, 29, 7, 0, 0, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2026, 11, 28, 7, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Parse_EverySecond_NextIsOneSecondLater()
    {
        var schedule = TimerSchedule.Parse("* * * * * *", Config("unused"));

        Assert.Equal(new DateTime(2026, 1, 1, 0, 0, 1, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Parse_TimeSpan_IsAnInterval()
    {
        var schedule = TimerSchedule.Parse("00:05:00", Config("unused"));

        Assert.Equal(new DateTime(2026, 1, 1, 0, 5, 0, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Parse_MissingSetting_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => TimerSchedule.Parse("%Nope:Schedule%", Config("0 0 7 * * *")));
    }

    [Fact]
    public void Parse_FiveFieldCron_Throws()
    {
        // Azure takes six fields (seconds first); five would silently mean something else.
        Assert.Throws<FormatException>(() => TimerSchedule.Parse("0 7 * * *", Config("unused")));
    }
}
