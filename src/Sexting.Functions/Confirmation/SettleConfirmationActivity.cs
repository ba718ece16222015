using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// Contract §11, §4.7: what the case store says about the reporter's confirmation. Confirmed: the
/// people of the case now count for repeat offending. At the deadline and not confirmed: the case is
/// <see cref="CaseStatus.Unconfirmed"/>, its people never count, and its confirmation links close. The
/// status change is conditional on the case's version, so a confirmation recorded a moment earlier wins.
/// Idempotent: a retry finds the work done. Workflow v5: once confirmed, it sends
/// <see cref="SettleConfirmationInput.ThenRequest"/> too (its own claim, so a retry does not send it twice).
/// </summary>
public sealed partial class SettleConfirmationActivity(
    ICaseStore store, CaseUpdater updater, IDecisionLinkStore links, SendLinkEmailActivity linkEmail, ILogger<SettleConfirmationActivity> logger)
{
    [Function(nameof(SettleConfirmationActivity))]
    public async Task<bool> RunAsync([ActivityTrigger] SettleConfirmationInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        // At the deadline, the move to Unconfirmed and its entry in one transaction (issue 22), so a reader never
        // sees the status without the entry; a case that cannot move (and is not spared) gets the entry alone.
        var unconfirmed = new TimelineEntry(input.At, TimelineEvent.ReferralUnconfirmed,
            "The reporter did not confirm their email address in time: nothing more is sent", nameof(TimelineEvent.ReferralUnconfirmed));
        var current = await updater.UpdateAsync(
            input.ReferralId,
            null,
            c => !input.DeadlinePassed || c.ReporterConfirmed || !CaseStateMachine.IsAllowed(c.Status, CaseStatus.Unconfirmed) ? null : c.MoveTo(CaseStatus.Unconfirmed),
            c => input.DeadlinePassed && !c.ReporterConfirmed && !Spared(c) ? unconfirmed : null,
            ct).ConfigureAwait(false);

        if (current.ReporterConfirmed)
        {
            await store.IndexPeopleAsync(current, ct).ConfigureAwait(false);
            if (input.ThenRequest is { } request)
            {
                // Workflow v5: confirmed, so the authorisation request goes now, in this activity (contract §4.4).
                await linkEmail.SendAsync(request, current).ConfigureAwait(false);
            }

            return true;
        }

        if (!input.DeadlinePassed)
        {
            LogUnrecordedConfirmation(logger, input.ReferralId);
            return false;
        }

        if (Spared(current))
        {
            // Contract §11: a referral an investigator accepted is not made unconfirmed; nothing is recorded.
            LogSpared(logger, input.ReferralId, current.Status);
            return false;
        }

        await store.IndexPeopleAsync(current, ct).ConfigureAwait(false);
        await links.CloseAllAsync(input.ReferralId, LinkPurpose.ReporterConfirmation, input.At, ct).ConfigureAwait(false);
        if (current.Status == CaseStatus.Unconfirmed)
        {
            // Contract §12: retention counts from here.
            await store.SetDueAsync(new DueEntry(input.ReferralId, DueKind.Unconfirmed, input.At), ct).ConfigureAwait(false);
        }
        LogSettled(logger, input.ReferralId, current.Status);
        return false;
    }

    // Contract §11: accepted for investigation, so never made unconfirmed.
    private static bool Spared(CaseRecord @case) =>
        @case.Status is CaseStatus.UnderInvestigation or CaseStatus.Closed && @case.Investigation is not null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: a confirmation event without a recorded confirmation; ignored")]
    private static partial void LogUnrecordedConfirmation(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} is {Status}: not made unconfirmed (accepted for investigation)")]
    private static partial void LogSpared(ILogger logger, string referralId, CaseStatus status);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} is {Status}")]
    private static partial void LogSettled(ILogger logger, string referralId, CaseStatus status);
}
