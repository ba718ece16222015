using System.Text.Json;
using System.Text.Json.Nodes;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Workflow;

public sealed class ActivityRetryTests
{
    [Theory]
    // Attempts 1 to MaxAttempts − 1: the retry policy's back-off, FirstInterval × 2^(attempt − 1) (2 s … 128 s).
    [InlineData(1, 0, 2.0)]
    [InlineData(2, 0, 4.0)]
    [InlineData(8, 0, 256.0)]
    // From MaxAttempts on the step is stalled: an attempt an hour while 7 days have not passed since the first.
    [InlineData(9, 500, 3600.0)]
    [InlineData(30, 6 * 86400, 3600.0)]
    public void NextWait_DefaultRetry_BackOffThenStalledInterval(int attempt, int secondsSinceFirst, double expectedSeconds)
    {
        var wait = ActivityRetry.Default.NextWait(attempt, TimeSpan.FromSeconds(secondsSinceFirst));

        Assert.Equal(TimeSpan.FromSeconds(expectedSeconds), wait);
        Assert.Equal(attempt >= 9, ActivityRetry.Default.IsStalled(attempt));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(200)]
    public void NextWait_StalledForPassed_GivesUp(int attempt) =>
        Assert.Null(ActivityRetry.Default.NextWait(attempt, TimeSpan.FromDays(7)));

    [Fact]
    public void NextWait_BackoffPastAnHour_CappedAtAnHourAsThePolicyWas()
    {
        var retry = new ActivityRetry(30, TimeSpan.FromSeconds(2), 2.0);

        Assert.Equal(TimeSpan.FromHours(1), retry.NextWait(20, TimeSpan.Zero));
    }

    // Inputs of instances started before the stalled settings existed have neither: they get the defaults.
    [Theory]
    [InlineData(JsonSerializerDefaults.General)]
    [InlineData(JsonSerializerDefaults.Web)]
    public void Deserialize_InputWithoutStalledSettings_Defaults(JsonSerializerDefaults defaults)
    {
        var options = new JsonSerializerOptions(defaults);
        var json = JsonSerializer.SerializeToNode(new ActivityRetry(9, TimeSpan.FromSeconds(2), 2.0), options)!.AsObject();
        Assert.True(json.Remove(options.PropertyNamingPolicy?.ConvertName(nameof(ActivityRetry.StalledInterval)) ?? nameof(ActivityRetry.StalledInterval)));
        Assert.True(json.Remove(options.PropertyNamingPolicy?.ConvertName(nameof(ActivityRetry.StalledFor)) ?? nameof(ActivityRetry.StalledFor)));

        var read = json.Deserialize<ActivityRetry>(options)!;

        Assert.Equal(ActivityRetry.Default, read);
        Assert.Equal(TimeSpan.FromHours(1), read.StalledInterval);
        Assert.Equal(TimeSpan.FromDays(7), read.StalledFor);
    }
}
