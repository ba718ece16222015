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
/// <remarks>
/// A retry after the move does not move the case again, even when staff have moved it since: a step whose email
/// kept failing is retried for days (<see cref="Workflow.ActivityRetryHandler"/>), and meanwhile a supervisor may
/// return the case to Outcome 21 or an investigator accept it (contract §10). The move is known done by its
/// timeline entry, written in the same transaction (a move with <see cref="MoveCaseInput.Event"/>), or, for a move
/// without an entry, by the case having left <see cref="MoveCaseInput.From"/>, which only this move leaves in the
/// workflow. Either way the case is left as staff set it and the email goes on. An input without either (scheduled
/// before, or v1–v3's move to <see cref="CaseStatus.AwaitingAuthorisation"/>) moves whenever the case is not there.
/// </remarks>
public sealed partial class MoveCaseActivity(
    ICaseStore store, CaseUpdater updater, IDecisionLinkStore links, SendEmailActivity email, ILogger<MoveCaseActivity> logger)
{
    [Function(nameof(MoveCaseActivity))]
    public async Task<CaseStatus> RunAsync([ActivityTrigger] MoveCaseInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        var doneBefore = false;
        CaseRecord? Move(CaseRecord c)
        {
            // Decided again on each read (the updater reads again after a conflict).
            doneBefore = c.Status != input.To && input.From is { } from && c.Status != from;
            return c.Status == input.To || doneBefore ? null : c.MoveTo(input.To);
        }

        CaseRecord moved;
        if (input.Event is { } e)
        {
            var key = input.TimelineKey ?? e.ToString();
            // The case and its timeline in one read (one query of its partition, as a bare read is): the entry is
            // there exactly when this step's move was stored.
            var history = await store.GetWithHistoryAsync(input.ReferralId, false, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
            if (history.Timeline.Any(t => t.Key == key))
            {
                LogDoneBefore(logger, input.ReferralId, input.To, history.Case.Status);
                return await ThenEmailAsync(input, history.Case).ConfigureAwait(false);
            }

            var detail = input.Detail ?? "";
            if (input.UseId is { } useId
                && await links.GetUseAsync(input.ReferralId, LinkPurpose.Authorisation, useId, ct).ConfigureAwait(false) is { } use)
            {
                // Contract §12: who declined and why, from the link store rather than the durable input.
                detail = $"Outcome 21 declined by {use.By} (link sent to {use.SentTo}): {use.Text}";
            }

            // The move and its entry in one transaction (issue 22).
            var entry = new TimelineEntry(input.At, e, detail, key);
            moved = await updater.UpdateAsync(input.ReferralId, history.Case, Move, _ => doneBefore ? null : entry, ct).ConfigureAwait(false);
        }
        else
        {
            moved = await updater.UpdateAsync(input.ReferralId, Move, ct).ConfigureAwait(false);
        }

        if (doneBefore)
        {
            LogDoneBefore(logger, input.ReferralId, input.To, moved.Status);
        }
        else
        {
            LogMoved(logger, input.ReferralId, moved.Status);
        }

        return await ThenEmailAsync(input, moved).ConfigureAwait(false);
    }

    private async Task<CaseStatus> ThenEmailAsync(MoveCaseInput input, CaseRecord @case)
    {
        if (input.ThenEmail is { } then)
        {
            // Workflow v5: the email after the move, its own step (claim and timeline key) as before.
            await email.RunAsync(then).ConfigureAwait(false);
        }

        return @case.Status;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} is {Status}")]
    private static partial void LogMoved(ILogger logger, string referralId, CaseStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: the move to {To} was done by an earlier attempt; the case is {Status}, left as it is")]
    private static partial void LogDoneBefore(ILogger logger, string referralId, CaseStatus to, CaseStatus status);
}
