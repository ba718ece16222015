using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Cases;

/// <summary>
/// Moves a case through the state machine; a retry after the move is a no-op. Workflow v5: then sends
/// <see cref="MoveCaseInput.ThenEmail"/>, once (its claim), so a retry sends it only if it had not gone.
/// </summary>
public sealed partial class MoveCaseActivity(CaseUpdater updater, IDecisionLinkStore links, SendEmailActivity email, ILogger<MoveCaseActivity> logger)
{
    [Function(nameof(MoveCaseActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] MoveCaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        CaseRecord? Move(CaseRecord c) => c.Status == input.To ? null : c.MoveTo(input.To);
        CaseRecord moved;
        if (input.Event is { } e)
        {
            var detail = input.Detail ?? "";
            if (input.UseId is { } useId
                && await links.GetUseAsync(input.ReferralId, LinkPurpose.Authorisation, useId, CancellationToken.None).ConfigureAwait(false) is { } use)
            {
                // Contract §12: who declined and why, from the link store rather than the durable input.
                detail = $"Outcome 21 declined by {use.By} (link sent to {use.SentTo}): {use.Text}";
            }

            // The move and its entry in one transaction (issue 22).
            var entry = new TimelineEntry(input.At, e, detail, input.TimelineKey ?? e.ToString());
            moved = await updater.UpdateAsync(input.ReferralId, null, Move, _ => entry, CancellationToken.None).ConfigureAwait(false);
        }
        else
        {
            moved = await updater.UpdateAsync(input.ReferralId, Move, CancellationToken.None).ConfigureAwait(false);
        }

        LogMoved(logger, input.ReferralId, moved.Status);
        if (input.ThenEmail is { } then)
        {
            // Workflow v5: the email after the move, its own step (claim and timeline key) as before.
            await email.RunAsync(then).ConfigureAwait(false);
        }

        return moved.Status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} is {Status}")]
    private static partial void LogMoved(ILogger logger, string referralId, CaseStatus status);
}
