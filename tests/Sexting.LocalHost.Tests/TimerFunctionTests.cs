using Sexting.LocalHost.Tests.Support;

namespace Sexting.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class TimerFunctionTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Timer_EverySecondSchedule_RunsRepeatedlyWithScheduleStatus()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "Timers", new Dictionary<string, string?> { ["Sample:Schedule"] = "* * * * * *" });

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (host.TimerLog.Runs.Count < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var runs = host.TimerLog.Runs;
        Assert.True(runs.Count >= 3, $"ran {runs.Count} times");
        Assert.All(runs, r => Assert.True(r.HadStatus));
        Assert.InRange((runs[2].At - runs[1].At).TotalMilliseconds, 500, 1500);
    }

    [Fact]
    public async Task Timer_DailySchedule_DoesNotRunNow()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "Timers");

        await Task.Delay(1500);

        Assert.Empty(host.TimerLog.Runs);
    }
}
