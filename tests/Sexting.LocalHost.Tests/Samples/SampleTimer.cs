using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Tests.Samples;

/// <summary>Timer on a schedule taken from configuration, as the review-reminder timer is.</summary>
public sealed class SampleTimer(SampleTimerLog log)
{
    [Function("SampleTimer")]
    public Task RunAsync([TimerTrigger("%Sample:Schedule%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(timer);
        log.Add(DateTimeOffset.UtcNow, timer.ScheduleStatus is not null);
        return Task.CompletedTask;
    }
}
