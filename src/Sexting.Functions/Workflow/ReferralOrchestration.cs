using System.Globalization;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Assessment;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Cases;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Education;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Workflow;

/// <summary>
/// One referral, from receipt to close (contract §4). Deterministic: time from the context,
/// waits on durable timers, everything configurable from the input. Changing the order or
/// kind of activities breaks replay of instances in flight: give such a change a new version.
/// Contract §12: inputs, outputs and events carry ids, codes and times; who decided and why are read
/// by the activities from the link store by the use's id. (That change kept the order and kind of
/// activities, so instances in flight replay; their activity inputs of the earlier shape, which named
/// the person, are still understood by the activities.) Likewise the force's mailboxes: every version names
/// them by role (<see cref="StaffMailbox"/>), and the activity that sends reads the address from configuration
/// for the case's force, so a changed mailbox applies to the instances in flight; the timeline entry names the
/// address, put in place of <see cref="SendEmailInput.MailboxPlaceholder"/> by that activity.
/// </summary>
public static partial class ReferralOrchestration
{
    [Function(nameof(ReferralOrchestration))]
    public static Task<ReferralOrchestrationResult> Run([OrchestrationTrigger] TaskOrchestrationContext context, ReferralOrchestrationInput input) =>
        RunAsync(context, input);

    public static async Task<ReferralOrchestrationResult> RunAsync(TaskOrchestrationContext context, ReferralOrchestrationInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var log = context.CreateReplaySafeLogger(nameof(ReferralOrchestration));
        // Contract §4.6: a step that still fails after the back-off is stalled and tried again, not failed.
        var retry = new ActivityRetryHandler(input.ReferralId, input.Retry);
        var id = input.ReferralId;

        Task<EmailStepResult> Email(SendEmailInput step) =>
            context.CallActivityAsync<EmailStepResult>(nameof(SendEmailActivity), step, retry.For(nameof(SendEmailActivity)));

        Task<EmailStepResult> LinkEmail(SendLinkEmailInput step) =>
            context.CallActivityAsync<EmailStepResult>(nameof(SendLinkEmailActivity), step, retry.For(nameof(SendLinkEmailActivity)));

        // Contract v2 §11: the reporter confirms their address before anything goes outside the police.
        // Instances started before v2 have no version in their input and replay the v1 shape unchanged.
        var confirming = input.Version >= WorkflowVersions.ReporterConfirmation;
        // Issue 22: the same steps in fewer activities (new instances only; v1 and v2 replay their own shape).
        var fewer = input.Version >= WorkflowVersions.FewerRoundTrips;
        var confirmBy = context.CurrentUtcDateTime + input.ConfirmWithin;

        // Issue 22 (v5): acknowledge, assess and alert in one activity; then the v4 shape with merged steps.
        if (input.Version >= WorkflowVersions.OneActivityPerStep)
        {
            var now = context.CurrentUtcDateTime;
            var first = await context.CallActivityAsync<AssessReferralResult>(nameof(AcknowledgeAndAssessActivity), new AcknowledgeAndAssessInput(
                Acknowledgement(input, now, confirmBy),
                new AssessReferralInput(id, now, input.SignificantAgeGapYears),
                SafeguardingAlert(input, now)), retry.For(nameof(AcknowledgeAndAssessActivity))).ConfigureAwait(true);
            // Contract §11: the deadline the sent link has, later than confirmBy when the step was late (stalled). From
            // the history, so replay is deterministic; a result recorded before has none and keeps confirmBy.
            var deadline = first.ConfirmBy?.UtcDateTime ?? confirmBy;
            return await RunWorkspaceAsync(context, input, retry, log, first.Route, deadline).ConfigureAwait(true);
        }

        // 1. Contract §4.1, §3.2.3: acknowledge with the initial advice (v2: and the confirmation link, none of the submitter's text).
        if (confirming)
        {
            await LinkEmail(Acknowledgement(input, context.CurrentUtcDateTime, confirmBy)).ConfigureAwait(true);
        }
        else
        {
            await Email(new SendEmailInput(id, EmailKind.IntakeAcknowledgement, "intake", EmailRecipient.Reporter, null,
                context.CurrentUtcDateTime, TimelineEvent.SettingNotified, "Receipt and initial advice sent to the setting")).ConfigureAwait(true);
        }

        // 2. §3.2.2, §3.5: assess; safeguarding concerns alert the expert at once.
        var assessment = await context.CallActivityAsync<AssessReferralResult>(
            nameof(AssessReferralActivity), new AssessReferralInput(id, context.CurrentUtcDateTime, input.SignificantAgeGapYears), retry.For(nameof(AssessReferralActivity))).ConfigureAwait(true);
        if (assessment.HasSafeguardingConcerns)
        {
            await Email(SafeguardingAlert(input, context.CurrentUtcDateTime)).ConfigureAwait(true);
        }

        // Issue 20 (v4): the investigation goes on in the workspace (contract §10); v1–v3 replay below unchanged.
        if (input.Version >= WorkflowVersions.Workspace)
        {
            return await RunWorkspaceAsync(context, input, retry, log, assessment.Route, confirmBy).ConfigureAwait(true);
        }

        // 3. §1.2.2, §3.5: aggravating factors, investigation; no Outcome 21 proposed. Contract §4.3: the
        // investigation referral goes at once (police only); the setting is told only once the reporter confirmed.
        if (assessment.Route == Route.Investigation && confirming)
        {
            await ReferForInvestigationAsync(context, input, retry, "assessment", null, null, tellSetting: false).ConfigureAwait(true);
            if (!await AwaitConfirmationAsync(context, input, retry, confirmBy).ConfigureAwait(true))
            {
                LogUnconfirmed(log, id);
                return new ReferralOrchestrationResult(CaseStatus.Unconfirmed);
            }

            await Email(new SendEmailInput(id, EmailKind.SettingOutcome, "assessment", EmailRecipient.Reporter, null,
                context.CurrentUtcDateTime, TimelineEvent.SettingNotified, "Setting told the police will investigate")).ConfigureAwait(true);
            LogReferred(log, id);
            return new ReferralOrchestrationResult(CaseStatus.ReferredForInvestigation);
        }

        if (assessment.Route == Route.Investigation)
        {
            await ReferForInvestigationAsync(context, input, retry, "assessment", null, null).ConfigureAwait(true);
            LogReferred(log, id);
            return new ReferralOrchestrationResult(CaseStatus.ReferredForInvestigation);
        }

        // Contract §4.4, §11: no authorisation request, outcome or advice until the reporter confirmed.
        if (confirming && !await AwaitConfirmationAsync(context, input, retry, confirmBy).ConfigureAwait(true))
        {
            LogUnconfirmed(log, id);
            return new ReferralOrchestrationResult(CaseStatus.Unconfirmed);
        }

        // 4. §3.4.1, §3.4.3: propose Outcome 21 to the authorising manager (v3: the move in the request's activity).
        if (!fewer)
        {
            await context.CallActivityAsync<CaseStatus>(nameof(MoveCaseActivity),
                new MoveCaseInput(id, CaseStatus.AwaitingAuthorisation, context.CurrentUtcDateTime, null, null, null), retry.For(nameof(MoveCaseActivity))).ConfigureAwait(true);
        }

        var requestedAt = context.CurrentUtcDateTime;
        await LinkEmail(new SendLinkEmailInput(id, EmailKind.AuthorisationRequest, LinkPurpose.Authorisation, "request", null,
            input.PublicBaseUrl, requestedAt, requestedAt + input.Timeouts.LinkLifetime, null,
            TimelineEvent.AuthorisationRequested, $"Outcome 21 proposed to {SendLinkEmailInput.MailboxPlaceholder}")
        {
            Mailbox = StaffMailbox.AuthorisingManager,
            MoveTo = fewer ? CaseStatus.AwaitingAuthorisation : null,
        }).ConfigureAwait(true);

        var decision = await AwaitDecisionAsync(context, input, retry, requestedAt, fewer).ConfigureAwait(true);

        if (decision.Kind == ApprovalDecision.Decline)
        {
            await ReferForInvestigationAsync(context, input, retry, "declined", decision.UseId,
                new TimelineEntryPlan(TimelineEvent.Declined, string.Empty)).ConfigureAwait(true);
            LogDeclined(log, id);
            return new ReferralOrchestrationResult(CaseStatus.ReferredForInvestigation);
        }

        // 5. §3.4.3 authorised; §3.4.7 education and intervention within DueAfter (v3: recorded with the decision's read).
        var authorisedAt = fewer ? decision.DecidedAt : context.CurrentUtcDateTime;
        var dueBy = authorisedAt + input.Timeouts.EducationDueAfter;
        if (!fewer)
        {
            await context.CallActivityAsync<CaseStatus>(nameof(RecordAuthorisationActivity),
                new RecordAuthorisationInput(id, authorisedAt, dueBy) { UseId = decision.UseId }, retry.For(nameof(RecordAuthorisationActivity))).ConfigureAwait(true);
        }

        // §3.4.8, §3.4.9: the youth team delivers education and intervention.
        var youthTeam = YouthTeamNotification(input, authorisedAt, dueBy);
        // §3.4.7, §3.6.2: advice and guidance to parents/carers and young people.
        var advice = new SendEmailInput(id, EmailKind.AdviceGuidance, "authorised", EmailRecipient.AdviceAudience, null,
            authorisedAt, TimelineEvent.AdviceSent, "Advice and guidance sent") { DueBy = dueBy };
        var setting = new SendEmailInput(id, EmailKind.SettingOutcome, "authorised", EmailRecipient.Reporter, null,
            authorisedAt, TimelineEvent.SettingNotified, "Outcome 21 authorised: setting told the outcome") { DueBy = dueBy };
        if (fewer)
        {
            await context.CallActivityAsync<EmailStepResult[]>(nameof(SendFanOutActivity), new SendFanOutInput(youthTeam, advice, setting), retry.For(nameof(SendFanOutActivity))).ConfigureAwait(true);
        }
        else
        {
            await Task.WhenAll(LinkEmail(youthTeam), Email(advice), Email(setting)).ConfigureAwait(true);
        }

        LogAuthorised(log, id);

        if (fewer)
        {
            // §3.4.7, §4.7: each event recorded in one activity, which changes nothing for a use the app
            // did not record (the status then stays, and the wait goes on).
            var status = CaseStatus.EducationAndIntervention;
            while (status != CaseStatus.Closed)
            {
                var raised = await context.WaitForExternalEvent<EducationDeliveredEvent>(WorkflowEvents.EducationDelivered).ConfigureAwait(true);
                status = await context.CallActivityAsync<CaseStatus>(nameof(RecordEducationDeliveredActivity),
                    new RecordEducationDeliveredInput(id, context.CurrentUtcDateTime) { UseId = raised.UseId, IgnoreUnrecorded = true }, retry.For(nameof(RecordEducationDeliveredActivity))).ConfigureAwait(true);
            }

            LogClosed(log, id);
            return new ReferralOrchestrationResult(CaseStatus.Closed);
        }

        // §3.4.7: wait for the youth team to confirm delivery (reminders come from the review timer, contract §7).
        // §4.7: only a confirmation the app recorded counts; any other event is ignored.
        RecordedUse? delivered = null;
        string? deliveredUseId = null;
        while (delivered is null)
        {
            var deliveredEvent = await context.WaitForExternalEvent<EducationDeliveredEvent>(WorkflowEvents.EducationDelivered).ConfigureAwait(true);
            deliveredUseId = deliveredEvent.UseId;
            delivered = await context.CallActivityAsync<RecordedUse?>(nameof(ReadLinkUseActivity),
                new ReadLinkUseInput(id, LinkPurpose.EducationDelivered, deliveredEvent.UseId), retry.For(nameof(ReadLinkUseActivity))).ConfigureAwait(true);
        }

        // Contract §12: the use's id, not who confirmed or their notes; the activity reads those from the link store.
        await context.CallActivityAsync<CaseStatus>(nameof(RecordEducationDeliveredActivity),
            new RecordEducationDeliveredInput(id, context.CurrentUtcDateTime) { UseId = deliveredUseId }, retry.For(nameof(RecordEducationDeliveredActivity))).ConfigureAwait(true);
        LogClosed(log, id);
        return new ReferralOrchestrationResult(CaseStatus.Closed);
    }

    // Contract §4.1, §3.2.3, §11: the receipt, initial advice and confirmation link (none of the submitter's text).
    private static SendLinkEmailInput Acknowledgement(ReferralOrchestrationInput input, DateTime at, DateTime confirmBy) =>
        new(input.ReferralId, EmailKind.IntakeAcknowledgement, LinkPurpose.ReporterConfirmation, "intake", "",
            input.PublicBaseUrl, at, confirmBy, null,
            TimelineEvent.SettingNotified, "Receipt, initial advice and confirmation link sent to the reporter");

    // §3.2.2, §3.5: safeguarding concerns alert the expert at once.
    private static SendEmailInput SafeguardingAlert(ReferralOrchestrationInput input, DateTime at) =>
        new(input.ReferralId, EmailKind.SafeguardingAlert, "assessment", EmailRecipient.Configured, null,
            at, TimelineEvent.SafeguardingAlertSent, $"Safeguarding alert sent to {SendEmailInput.MailboxPlaceholder}")
        {
            Mailbox = StaffMailbox.SafeguardingExpert,
        };

    // §3.4.8, §3.4.9: the youth team delivers education and intervention by the due date.
    private static SendLinkEmailInput YouthTeamNotification(ReferralOrchestrationInput input, DateTime authorisedAt, DateTime dueBy) =>
        new(input.ReferralId, EmailKind.YouthTeamNotification, LinkPurpose.EducationDelivered, "authorised", null,
            input.PublicBaseUrl, authorisedAt, dueBy + input.Timeouts.LinkLifetime, dueBy,
            TimelineEvent.YouthTeamNotified,
            $"Youth team ({SendLinkEmailInput.MailboxPlaceholder}) asked to deliver education by {dueBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}")
        {
            Mailbox = StaffMailbox.YouthTeam,
        };

    /// <summary>
    /// Contract §11: waits for the reporter to confirm, raced against the deadline. An event counts only
    /// when the case store shows the confirmation (§4.7); at the deadline the case is made unconfirmed,
    /// unless the confirmation was recorded just before (then it counts).
    /// </summary>
    private static async Task<bool> AwaitConfirmationAsync(
        TaskOrchestrationContext context, ReferralOrchestrationInput input, ActivityRetryHandler retry, DateTime confirmBy)
    {
        var id = input.ReferralId;
        using var cts = new CancellationTokenSource();
        var timer = context.CreateTimer(confirmBy, cts.Token);

        // Bounded: the timer ends it, and each event an activity (a raised event the store does not back is ignored).
        bool? outcome = null;
        while (outcome is null)
        {
            var confirmed = context.WaitForExternalEvent<ReporterConfirmedEvent>(WorkflowEvents.ReporterConfirmed);
            var winner = await Task.WhenAny(confirmed, timer).ConfigureAwait(true);
            var deadlinePassed = winner == timer;
            var settled = await context.CallActivityAsync<bool>(nameof(SettleConfirmationActivity),
                new SettleConfirmationInput(id, deadlinePassed, context.CurrentUtcDateTime), retry.For(nameof(SettleConfirmationActivity))).ConfigureAwait(true);
            if (settled && !deadlinePassed)
            {
                // Synchronous on purpose (see AwaitDecisionAsync).
#pragma warning disable CA1849
                cts.Cancel();
#pragma warning restore CA1849
            }

            if (settled || deadlinePassed)
            {
                outcome = settled;
            }
        }

        return outcome.Value;
    }

    /// <summary>
    /// Waits for a final decision, raced against the reminder and escalation timers. The deadlines
    /// are measured from the request and kept through any number of consultations.
    /// </summary>
    private static async Task<ConfirmedDecision> AwaitDecisionAsync(
        TaskOrchestrationContext context, ReferralOrchestrationInput input, ActivityRetryHandler retry, DateTime requestedAt, bool fewer, string suffix = "",
        Func<DateTime, SendFanOutInput>? fanOut = null)
    {
        var id = input.ReferralId;
        var remindAt = requestedAt + input.Timeouts.ReminderAfter;
        var escalateAt = requestedAt + input.Timeouts.EscalateAfter;
        var reminded = false;
        var escalated = false;
        var consultations = 0;
        var decisionTask = context.WaitForExternalEvent<DecisionEvent>(WorkflowEvents.Decision);

        // Bounded by the people: at most two timers, then one activity per event and per consultation.
        ConfirmedDecision? final = null;
        while (final is null)
        {
            DateTime? deadline = !reminded ? remindAt : !escalated ? escalateAt : null;
            if (deadline is { } due)
            {
                using var cts = new CancellationTokenSource();
                var timer = context.CreateTimer(due, cts.Token);
                var winner = await Task.WhenAny(decisionTask, timer).ConfigureAwait(true);
                if (winner == timer)
                {
                    var now = context.CurrentUtcDateTime;
                    if (!reminded)
                    {
                        reminded = true;
                        await context.CallActivityAsync<EmailStepResult>(nameof(SendLinkEmailActivity), new SendLinkEmailInput(
                            id, EmailKind.AuthorisationReminder, LinkPurpose.Authorisation, "reminder" + suffix, null,
                            input.PublicBaseUrl, now, now + input.Timeouts.LinkLifetime, null,
                            TimelineEvent.AuthorisationReminderSent, $"Reminder sent to {SendLinkEmailInput.MailboxPlaceholder}")
                        {
                            Mailbox = StaffMailbox.AuthorisingManager,
                        }, retry.For(nameof(SendLinkEmailActivity))).ConfigureAwait(true);
                    }
                    else
                    {
                        escalated = true;
                        await context.CallActivityAsync<EmailStepResult>(nameof(SendLinkEmailActivity), new SendLinkEmailInput(
                            id, EmailKind.AuthorisationEscalation, LinkPurpose.Authorisation, "escalation" + suffix, null,
                            input.PublicBaseUrl, now, now + input.Timeouts.LinkLifetime, null,
                            TimelineEvent.AuthorisationEscalated, $"Escalated to {SendLinkEmailInput.MailboxPlaceholder}")
                        {
                            Mailbox = StaffMailbox.Escalation,
                        }, retry.For(nameof(SendLinkEmailActivity))).ConfigureAwait(true);
                    }

                    continue;
                }

                // Synchronous on purpose: awaiting CancelAsync would await a task the durable
                // scheduler does not drive, and the orchestrator would never resume.
#pragma warning disable CA1849
                cts.Cancel();
#pragma warning restore CA1849
            }

            // §4.7: what was decided, and by whom, is what the app recorded in the link store; an
            // event that names no recorded use (raised by anyone else) changes nothing.
            var raised = await decisionTask.ConfigureAwait(true);
            var decidedAt = context.CurrentUtcDateTime;
            ApprovalDecision? read;
            if (fewer)
            {
                // v3: read and (for an authorisation) recorded in one activity.
                // v5: an authorisation's three emails go in the same activity (fanOut given).
                read = await context.CallActivityAsync<ApprovalDecision?>(nameof(RecordDecisionActivity),
                    new RecordDecisionInput(id, raised.UseId, decidedAt, decidedAt + input.Timeouts.EducationDueAfter) { FanOut = fanOut?.Invoke(decidedAt) },
                    retry.For(nameof(RecordDecisionActivity))).ConfigureAwait(true);
            }
            else
            {
                var use = await context.CallActivityAsync<RecordedUse?>(nameof(ReadLinkUseActivity),
                    new ReadLinkUseInput(id, LinkPurpose.Authorisation, raised.UseId), retry.For(nameof(ReadLinkUseActivity))).ConfigureAwait(true);
                read = ApprovalDecisions.Of(use?.Action);
            }

            var decision = read is { } kind ? new ConfirmedDecision(kind, raised.UseId, decidedAt) : null;
            if (decision is not null && ApprovalDecisions.IsFinal(decision.Kind))
            {
                final = decision;
                continue;
            }

            // The next event (v4: no waiter is left behind a final decision, so a later round's decision
            // is not taken by it; creating a waiter records nothing, so earlier instances replay unchanged).
            decisionTask = context.WaitForExternalEvent<DecisionEvent>(WorkflowEvents.Decision);
            if (decision is null)
            {
                continue;
            }

            // §3.4.3: the manager may consult the safeguarding expert; the wait goes on.
            consultations++;
            var step = "consult-" + consultations.ToString(CultureInfo.InvariantCulture) + suffix;
            await context.CallActivityAsync<EmailStepResult>(nameof(SendEmailActivity), new SendEmailInput(
                id, EmailKind.SafeguardingExpertConsultation, step, EmailRecipient.Configured, null,
                context.CurrentUtcDateTime, TimelineEvent.SafeguardingExpertConsulted,
                SendEmailInput.ByPlaceholder + " (link sent to " + SendEmailInput.SentToPlaceholder + ") consulted " + SendEmailInput.MailboxPlaceholder)
            {
                Mailbox = StaffMailbox.SafeguardingExpert,
                UseId = decision.UseId,
            }, retry.For(nameof(SendEmailActivity))).ConfigureAwait(true);
        }

        return final;
    }

    /// <summary>§1.2.2, §3.5: status ReferredForInvestigation, the investigation referral, and the setting told.</summary>
    private static async Task ReferForInvestigationAsync(
        TaskOrchestrationContext context, ReferralOrchestrationInput input, ActivityRetryHandler retry, string step,
        string? useId, TimelineEntryPlan? entry = null, bool tellSetting = true, string? timelineKey = null)
    {
        var id = input.ReferralId;
        var at = context.CurrentUtcDateTime;
        var referral = new SendEmailInput(
            id, EmailKind.InvestigationReferral, step, EmailRecipient.Configured, null,
            at, TimelineEvent.InvestigationReferralSent, $"Referred for investigation to {SendEmailInput.MailboxPlaceholder}")
        {
            Mailbox = StaffMailbox.Investigation,
            UseId = useId,
        };
        // v5: the move and the referral in one activity.
        var merged = input.Version >= WorkflowVersions.OneActivityPerStep;
        await context.CallActivityAsync<CaseStatus>(nameof(MoveCaseActivity),
            new MoveCaseInput(id, CaseStatus.ReferredForInvestigation, at, entry?.Event, entry?.Detail, timelineKey ?? entry?.Event.ToString())
            {
                UseId = useId,
                ThenEmail = merged ? referral : null,
                // A retry never undoes what staff did meanwhile (a return, an accept): a move without an entry (the
                // first round's, from the assessed case) is known done once the case has left Received; with one, by
                // its key. The input is not replayed, so instances in flight send it on their next attempt.
                From = entry is null ? CaseStatus.Received : null,
            }, retry.For(nameof(MoveCaseActivity))).ConfigureAwait(true);
        if (!merged)
        {
            await context.CallActivityAsync<EmailStepResult>(nameof(SendEmailActivity), referral, retry.For(nameof(SendEmailActivity))).ConfigureAwait(true);
        }
        if (!tellSetting)
        {
            return;
        }

        await context.CallActivityAsync<EmailStepResult>(nameof(SendEmailActivity), new SendEmailInput(
            id, EmailKind.SettingOutcome, step, EmailRecipient.Reporter, null,
            at, TimelineEvent.SettingNotified, "Setting told the police will investigate"), retry.For(nameof(SendEmailActivity))).ConfigureAwait(true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} unconfirmed")]
    private static partial void LogUnconfirmed(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} referred for investigation")]
    private static partial void LogReferred(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: Outcome 21 declined")]
    private static partial void LogDeclined(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: Outcome 21 authorised, notifications sent")]
    private static partial void LogAuthorised(ILogger logger, string referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId} closed")]
    private static partial void LogClosed(ILogger logger, string referralId);
}

/// <summary>
/// A decision the link store recorded: what, the id of the use (who and why stay in the store, contract
/// §12), and when the workflow took it (v3 records an authorisation at that time).
/// </summary>
public sealed record ConfirmedDecision(ApprovalDecision Kind, string UseId, DateTime DecidedAt);
