using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Sexting.Functions.Retention;

/// <summary>
/// Contract §12: the retention timer on <c>Retention:Schedule</c> (six-field NCRONTAB, UTC). Thin: the
/// work is in <see cref="RetentionService"/>. No <c>FunctionContext</c>: the local host runs this class by reflection.
/// </summary>
public sealed class RetentionTimer(RetentionService service)
{
    [Function(nameof(RetentionTimer))]
    public Task RunAsync(
        [TimerTrigger("%Retention:Schedule%")] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken ct) =>
        service.RunAsync(client, ct);
}
