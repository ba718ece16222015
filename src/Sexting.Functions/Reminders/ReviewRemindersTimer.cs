using Microsoft.Azure.Functions.Worker;

namespace Sexting.Functions.Reminders;

/// <summary>
/// Contract §7: the review reminders on <c>Reminders:Schedule</c> (six-field NCRONTAB, UTC). Thin:
/// the work and its "once a day, once across hosts" rules are in <see cref="ReviewReminderService"/>.
/// No <c>FunctionContext</c>: the local host runs this class by reflection.
/// </summary>
public sealed class ReviewRemindersTimer(ReviewReminderService service)
{
    [Function(nameof(ReviewRemindersTimer))]
    public Task RunAsync([TimerTrigger("%Reminders:Schedule%")] TimerInfo timer, CancellationToken ct) =>
        service.RunAsync(ct);
}
