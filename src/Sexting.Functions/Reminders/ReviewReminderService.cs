using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Core.Reminders;
using Sexting.Functions.Configuration;
using Sexting.Functions.Education;
using Sexting.Functions.Notifications;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Reminders;

/// <summary>
/// The review reminders of contract §7, run by <see cref="ReviewRemindersTimer"/>:
/// <list type="bullet">
/// <item>§3.4.7: every case in education and intervention past its due date, found through the due
/// index only (never a scan of the cases), gets an <see cref="EmailKind.EducationReminder"/> to its
/// force's youth team with a fresh education-delivered link, at most once per UK day;</item>
/// <item>§5.1: from <c>Policy:NextReviewDate</c>, the policy owner gets a
/// <see cref="EmailKind.PolicyReviewReminder"/>, at most once per UK day.</item>
/// </list>
/// "At most once" holds across runs and hosts running at the same time: each reminder is sent only
/// by the caller that claims its day's key in <see cref="IOnceLedger"/>. A send that fails releases
/// the claim so the next run tries again; its email step and timeline key stay the same (the UK
/// date), so a retry after a partial success neither sends twice nor records twice.
/// </summary>
public sealed partial class ReviewReminderService(
    ICaseStore store,
    IOnceLedger ledger,
    EducationDelivery delivery,
    SendLinkEmailActivity linkEmail,
    IEmailComposer composer,
    IEmailSender sender,
    EmailIdempotencyKey keys,
    IOptions<ForcesOptions> forces,
    IOptions<PolicyOptions> policy,
    IOptions<ApprovalOptions> approval,
    IOptions<PublicLinkOptions> publicUrl,
    TimeProvider clock,
    ILogger<ReviewReminderService> logger)
{
    public async Task<ReviewReminderRun> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var step = Iso(UkClock.DateOf(now));

        // Contract §7: the scan reads only what is due, whatever the number of closed or not-yet-due cases.
        var due = await store.GetDueAsync(DueKind.Education, now, cancellationToken).ConfigureAwait(false);
        int sent = 0, claimed = 0, notOverdue = 0, stale = 0, refused = 0, failed = 0, recorded = 0;
        foreach (var entry in due)
        {
            cancellationToken.ThrowIfCancellationRequested();
            switch (await RemindAsync(entry, now, step, cancellationToken).ConfigureAwait(false))
            {
                case EducationReminderOutcome.Sent: sent++; break;
                case EducationReminderOutcome.AlreadyClaimed: claimed++; break;
                case EducationReminderOutcome.NotOverdue: notOverdue++; break;
                case EducationReminderOutcome.Stale: stale++; break;
                case EducationReminderOutcome.Refused: refused++; break;
                case EducationReminderOutcome.DeliveryRecorded: recorded++; break;
                default: failed++; break;
            }
        }

        var policyOutcome = await RemindPolicyOwnerAsync(now, step, cancellationToken).ConfigureAwait(false);
        var run = new ReviewReminderRun(due.Count, sent, claimed, notOverdue, stale, refused, failed, policyOutcome, recorded);
        LogRun(logger, run.DueEntries, run.EducationRemindersSent, run.AlreadyRemindedToday, run.NotOverdue, run.StaleRemoved, run.Refused, run.Failed, run.DeliveriesRecorded, run.PolicyReminder);
        return run;
    }

    private async Task<EducationReminderOutcome> RemindAsync(DueEntry entry, DateTimeOffset now, string step, CancellationToken cancellationToken)
    {
        try
        {
            var @case = await store.GetAsync(entry.ReferralId, cancellationToken).ConfigureAwait(false);
            if (@case is null || CaseStateMachine.IsFinal(@case.Status))
            {
                // Delivery removes the entry after closing the case; a failure in between leaves it behind, and perhaps
                // without the Closed entry retention counts from (contract §12): that is set, from the delivery's
                // time, before this one goes. A case no delivery closed (deleted, say) has only this entry to lose.
                if (@case is null || !await delivery.RepairClosedAsync(@case, cancellationToken).ConfigureAwait(false))
                {
                    await store.RemoveDueAsync(entry.ReferralId, entry.Kind, cancellationToken).ConfigureAwait(false);
                }

                return EducationReminderOutcome.Stale;
            }

            // §3.4.7: authorised, not delivered, past due.
            if (!ReminderRules.IsEducationOverdue(@case, now))
            {
                return EducationReminderOutcome.NotOverdue;
            }

            // Workflow v6: the link's POST closes the case; if that write failed after the link was used and
            // nobody POSTed it again, the delivery is in the link store. Recorded now rather than reminded.
            if (await delivery.CompleteRecordedAsync(@case, cancellationToken).ConfigureAwait(false) is not null)
            {
                return EducationReminderOutcome.DeliveryRecorded;
            }

            // A refusal is recorded on the timeline by the email step; the claim is completed either way,
            // so a refusal is tried again tomorrow, not every run.
            var run = await ledger.RunOnceAsync(
                ReminderRules.EducationReminderKey(@case.ReferralId, now),
                () => SendEducationReminderAsync(@case, now, step),
                _ => true,
                LogReleaseFailed,
                cancellationToken).ConfigureAwait(false);
            return !run.Ran ? EducationReminderOutcome.AlreadyClaimed
                : run.Result!.Delivered > 0 ? EducationReminderOutcome.Sent
                : EducationReminderOutcome.Refused;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogEducationReminderFailed(logger, ex, entry.ReferralId);
            return EducationReminderOutcome.Failed;
        }
    }

    private Task<EmailStepResult> SendEducationReminderAsync(CaseRecord @case, DateTimeOffset now, string step)
    {
        var youthTeam = forces.Value.For(@case.ForceArea).YouthTeamEmail;
        var dueBy = @case.Education!.DueBy;
        return linkEmail.RunAsync(new SendLinkEmailInput(
            @case.ReferralId,
            EmailKind.EducationReminder,
            LinkPurpose.EducationDelivered,
            step,
            youthTeam,
            publicUrl.Value.BaseText,
            now,
            now + approval.Value.LinkLifetime,
            dueBy,
            TimelineEvent.EducationReminderSent,
            $"Youth team ({youthTeam}) reminded: education and intervention was due by {Iso(UkClock.DateOf(dueBy))}"));
    }

    private async Task<PolicyReminderOutcome> RemindPolicyOwnerAsync(DateTimeOffset now, string step, CancellationToken cancellationToken)
    {
        var options = policy.Value;

        // §5.1: the policy is to be reviewed by its next scheduled review date.
        if (!ReminderRules.IsPolicyReviewDue(options.NextReviewDate, now))
        {
            return PolicyReminderOutcome.NotDue;
        }

        try
        {
            // A refusal completes the claim too: tried again tomorrow, not every run.
            var run = await ledger.RunOnceAsync(
                ReminderRules.PolicyReviewKey(options.NextReviewDate, now),
                () =>
                {
                    var request = new EmailRequest(EmailKind.PolicyReviewReminder, options.OwnerEmail, null) { PolicyReviewDate = options.NextReviewDate };
                    return sender.SendAsync(EmailMessageFactory.Create(request, composer.Compose(request), step, keys), cancellationToken);
                },
                _ => true,
                LogReleaseFailed,
                cancellationToken).ConfigureAwait(false);
            if (!run.Ran)
            {
                return PolicyReminderOutcome.AlreadySentToday;
            }

            if (run.Result!.Status == EmailDeliveryStatus.Rejected)
            {
                LogPolicyReminderRefused(logger);
                return PolicyReminderOutcome.Refused;
            }

            return PolicyReminderOutcome.Sent;
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogPolicyReminderFailed(logger, ex);
            return PolicyReminderOutcome.Failed;
        }
    }

    private void LogReleaseFailed(Exception ex) =>
        LogReleaseFailure(logger, ex);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Information, Message = "Review reminders: {DueEntries} due entries, {Sent} education reminders sent, {AlreadyReminded} already reminded today, {NotOverdue} not overdue, {Stale} stale removed, {Refused} refused, {Failed} failed, {DeliveriesRecorded} deliveries recorded instead; policy review {PolicyReminder}")]
    private static partial void LogRun(ILogger logger, int dueEntries, int sent, int alreadyReminded, int notOverdue, int stale, int refused, int failed, int deliveriesRecorded, PolicyReminderOutcome policyReminder);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review reminders: the education reminder of referral {ReferralId} failed; the next run tries again")]
    private static partial void LogEducationReminderFailed(ILogger logger, Exception exception, string referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review reminders: the policy review reminder was refused by the mail service; tried again tomorrow")]
    private static partial void LogPolicyReminderRefused(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Review reminders: the policy review reminder failed; the next run tries again")]
    private static partial void LogPolicyReminderFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Review reminders: a claim could not be released; that reminder waits until its lease lapses")]
    private static partial void LogReleaseFailure(ILogger logger, Exception exception);
}
