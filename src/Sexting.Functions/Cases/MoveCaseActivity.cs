using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;

namespace Sexting.Functions.Cases;

/// <summary>Moves a case through the state machine; a retry after the move is a no-op.</summary>
public sealed class MoveCaseActivity(CaseUpdater updater, ICaseStore store, ILogger<MoveCaseActivity> logger)
{
    [Function(nameof(MoveCaseActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] MoveCaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var moved = await updater.UpdateAsync(
            input.ReferralId,
            c => c.Status == input.To ? null : c.MoveTo(input.To),
            CancellationToken.None).ConfigureAwait(false);

        if (input.Event is { } e)
        {
            await store.AppendTimelineAsync(
                input.ReferralId,
                new TimelineEntry(input.At, e, input.Detail ?? "", input.TimelineKey ?? e.ToString()),
                CancellationToken.None).ConfigureAwait(false);
        }

        logger.LogInformation("Referral {ReferralId} is {Status}", input.ReferralId, moved.Status);
        return moved.Status;
    }
}
