using System.Globalization;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Education;
using Sexting.Functions.Notifications;
using Sexting.Functions.Workspace;

namespace Sexting.Functions.Workflow;

/// <summary>
/// Version 4 (<see cref="WorkflowVersions.Workspace"/>, issue 20, contract §4, §10): a referral for
/// investigation does not end the orchestration. It waits for <see cref="WorkflowEvents.CaseAction"/> (and the
/// reporter's confirmation, raced against its deadline) and each time reads the case (§4.7: it acts only on
/// what the store recorded): accepted and confirmed → the setting told (§4.3); closed → the setting told if it
/// was not yet and the reporter confirmed, then done; returned to
/// Outcome 21 by a supervisor (§3.5.1) → once confirmed, step 4 again. A decline refers for investigation again;
/// each round's steps carry the round in their keys so its emails are not taken for the first round's.
/// </summary>
public static partial class ReferralOrchestration
{
    private static async Task<ReferralOrchestrationResult> RunWorkspaceAsync(
        TaskOrchestrationContext context, ReferralOrchestrationInput input, ActivityRetryHandler retry, ILogger log, Route route, DateTime confirmBy)
    {
        var id = input.ReferralId;
        var wait = new WorkspaceWaits(context, input, retry, confirmBy);
        // Issue 22 (v5): the request goes with the settled confirmation, the fan-out with the recorded authorisation.
        var merged = input.Version >= WorkflowVersions.OneActivityPerStep;
        var investigation = route == Route.Investigation;
        var round = 1;
        var referStep = "assessment";
        string? referUseId = null;
        TimelineEntryPlan? referEntry = null;
        ReferralOrchestrationResult? result = null;

        // Bounded by the people: a round needs a supervisor's return and a manager's decline.
        while (result is null)
        {
            var suffix = round == 1 ? string.Empty : "-" + round.ToString(CultureInfo.InvariantCulture);
            var returned = false;

            // 4. §3.4.1, §3.4.3: the proposal of Outcome 21 (a returned case is awaiting authorisation already).
            SendLinkEmailInput Request(DateTime at) => new(
                id, EmailKind.AuthorisationRequest, LinkPurpose.Authorisation, "request" + suffix, null,
                input.PublicBaseUrl, at, at + input.Timeouts.LinkLifetime, null,
                TimelineEvent.AuthorisationRequested, $"Outcome 21 proposed to {SendLinkEmailInput.MailboxPlaceholder}")
            {
                Mailbox = StaffMailbox.AuthorisingManager,
                MoveTo = returned ? null : CaseStatus.AwaitingAuthorisation,
                // A case declined in an earlier round has that decision's marker (§5): the new round reopens.
                Reopen = round > 1,
            };
            SendLinkEmailInput? sentRequest = null;
            if (investigation)
            {
                // 3. §1.2.2, §3.5: the referral goes at once (police only); the setting is told only when an
                // investigator accepted and the reporter confirmed (contract §4.3, §10).
                await ReferForInvestigationAsync(context, input, retry, referStep, referUseId, referEntry, tellSetting: false,
                    timelineKey: referEntry is null ? null : referEntry.Event + suffix).ConfigureAwait(true);
                LogReferred(log, id);
                if (await WorkInvestigationAsync(context, wait, suffix).ConfigureAwait(true) is { } ended)
                {
                    result = ended;
                    continue;
                }

                returned = true;
            }
            else if (!await wait.ConfirmedAsync(merged ? Request : null).ConfigureAwait(true))
            {
                // Contract §4.4, §11: no authorisation request, outcome or advice until the reporter confirmed.
                LogUnconfirmed(log, id);
                result = new ReferralOrchestrationResult(CaseStatus.Unconfirmed);
                continue;
            }
            else
            {
                sentRequest = wait.TakeSentRequest();
            }

            if (sentRequest is null)
            {
                sentRequest = Request(context.CurrentUtcDateTime);
                await context.CallActivityAsync<EmailStepResult>(nameof(SendLinkEmailActivity), sentRequest, retry.For(nameof(SendLinkEmailActivity))).ConfigureAwait(true);
            }

            var requestedAt = sentRequest.At.UtcDateTime;
            var decision = await AwaitDecisionAsync(context, input, retry, requestedAt, fewer: true, suffix, merged ? FanOut : null).ConfigureAwait(true);
            if (decision.Kind == ApprovalDecision.Decline)
            {
                // §3.4.3: declined, so referred for investigation again, in a new round.
                LogDeclined(log, id);
                investigation = true;
                referStep = "declined" + suffix;
                referUseId = decision.UseId;
                referEntry = new TimelineEntryPlan(TimelineEvent.Declined, string.Empty);
                round++;
                continue;
            }

            // 5. §3.4.3 authorised (recorded with the decision's read); §3.4.7, §3.6.2 the three emails at once
            // (v5: sent by the decision's activity).
            if (!merged)
            {
                await context.CallActivityAsync<EmailStepResult[]>(nameof(SendFanOutActivity), FanOut(decision.DecidedAt), retry.For(nameof(SendFanOutActivity))).ConfigureAwait(true);
            }

            LogAuthorised(log, id);
            if (input.Version >= WorkflowVersions.DeliveryByTheLink)
            {
                // v6: the education link's POST records the delivery and closes the case (§3.4.7); the review
                // timer reminds the youth team meanwhile (contract §7). Nothing is left for the orchestration.
                result = new ReferralOrchestrationResult(CaseStatus.EducationAndIntervention);
                continue;
            }

            // §3.4.7, §4.7: only a delivery the app recorded closes the case.
            var status = CaseStatus.EducationAndIntervention;
            while (status != CaseStatus.Closed)
            {
                var raised = await context.WaitForExternalEvent<EducationDeliveredEvent>(WorkflowEvents.EducationDelivered).ConfigureAwait(true);
                status = await context.CallActivityAsync<CaseStatus>(nameof(RecordEducationDeliveredActivity),
                    new RecordEducationDeliveredInput(id, context.CurrentUtcDateTime) { UseId = raised.UseId, IgnoreUnrecorded = true }, retry.For(nameof(RecordEducationDeliveredActivity))).ConfigureAwait(true);
            }

            LogClosed(log, id);
            result = new ReferralOrchestrationResult(CaseStatus.Closed);
        }

        return result;

        SendFanOutInput FanOut(DateTime authorisedAt)
        {
            var dueBy = authorisedAt + input.Timeouts.EducationDueAfter;
            var youthTeam = YouthTeamNotification(input, authorisedAt, dueBy);
            var advice = new SendEmailInput(id, EmailKind.AdviceGuidance, "authorised", EmailRecipient.AdviceAudience, null,
                authorisedAt, TimelineEvent.AdviceSent, "Advice and guidance sent") { DueBy = dueBy };
            var setting = new SendEmailInput(id, EmailKind.SettingOutcome, "authorised", EmailRecipient.Reporter, null,
                authorisedAt, TimelineEvent.SettingNotified, "Outcome 21 authorised: setting told the outcome") { DueBy = dueBy };
            return new SendFanOutInput(youthTeam, advice, setting);
        }
    }

    /// <summary>
    /// A referral for investigation in the workspace (contract §10), until it is closed (the result), made
    /// unconfirmed (the result), or returned to Outcome 21 with the reporter confirmed (<c>null</c>: step 4).
    /// </summary>
    private static async Task<ReferralOrchestrationResult?> WorkInvestigationAsync(TaskOrchestrationContext context, WorkspaceWaits wait, string suffix)
    {
        var id = wait.Input.ReferralId;
        var settingTold = false;
        var returned = false;

        // Bounded by the people: one read per event, and the events end with a close, a return or the deadline.
        while (!returned)
        {
            // §4.7: what the store recorded, whoever raised the event.
            var state = await context.CallActivityAsync<CaseState>(nameof(ReadCaseStateActivity), new ReadCaseStateInput(id), wait.Retry.For(nameof(ReadCaseStateActivity))).ConfigureAwait(true);
            var confirmed = wait.Confirmed || state.ReporterConfirmed;
            switch (state.Status)
            {
                case CaseStatus.Closed when confirmed && !settingTold:
                    // Contract §10: only an accepted investigation closes, so the setting is told as on the accept,
                    // also when the confirmation, the accept and the close were all stored before this read.
                    await TellSettingAsync().ConfigureAwait(true);
                    return new ReferralOrchestrationResult(state.Status);
                case CaseStatus.Closed or CaseStatus.Unconfirmed:
                    return new ReferralOrchestrationResult(state.Status);
                case CaseStatus.UnderInvestigation when confirmed && !settingTold:
                    // Contract §4.3, §10: an investigator accepted and the reporter confirmed.
                    await TellSettingAsync().ConfigureAwait(true);
                    settingTold = true;
                    break;
                case CaseStatus.AwaitingAuthorisation when confirmed:
                    // §3.5.1: a supervisor returned it; contract §4.3: step 4 once the reporter confirmed.
                    returned = true;
                    continue;
                case CaseStatus.AwaitingAuthorisation when wait.DeadlinePassed:
                    // Contract §11: never confirmed, so nothing is sent outside the police (the deadline's settle
                    // made it Unconfirmed; this is for a case it could not move).
                    return new ReferralOrchestrationResult(state.Status);
            }

            await wait.NextAsync().ConfigureAwait(true);
        }

        return null;

        // One key for the accept's message in a round, whichever read sends it: the setting is told once.
        Task TellSettingAsync() => context.CallActivityAsync<EmailStepResult>(nameof(SendEmailActivity), new SendEmailInput(
            id, EmailKind.SettingOutcome, "accepted" + suffix, EmailRecipient.Reporter, null,
            context.CurrentUtcDateTime, TimelineEvent.SettingNotified, "Setting told the police will investigate"), wait.Retry.For(nameof(SendEmailActivity)));
    }

    /// <summary>
    /// The waits a v4 instance keeps across rounds: one waiter per event name at a time (a waiter left behind
    /// would take the next event of its name), and the confirmation deadline's timer (contract §11).
    /// </summary>
    private sealed class WorkspaceWaits(TaskOrchestrationContext context, ReferralOrchestrationInput input, ActivityRetryHandler retry, DateTime confirmBy)
    {
        private CancellationTokenSource? _cts;
        private Task? _timer;
        private Task<ReporterConfirmedEvent>? _confirmed;
        private Task<CaseActionEvent>? _action;
        private SendLinkEmailInput? _sentRequest;

        public ReferralOrchestrationInput Input => input;

        public ActivityRetryHandler Retry => retry;

        /// <summary>The store showed the confirmation (through <see cref="SettleConfirmationActivity"/>).</summary>
        public bool Confirmed { get; private set; }

        public bool DeadlinePassed { get; private set; }

        /// <summary>
        /// Waits for the confirmation or the deadline; whether the reporter confirmed. v5: the settling activity
        /// also sends the request <paramref name="request"/> makes for its time, once the store shows the
        /// confirmation (then <see cref="TakeSentRequest"/> returns it).
        /// </summary>
        public async Task<bool> ConfirmedAsync(Func<DateTime, SendLinkEmailInput>? request = null)
        {
            while (!Confirmed && !DeadlinePassed)
            {
                StartConfirmationWait();
                var winner = await Task.WhenAny(_confirmed!, _timer!).ConfigureAwait(true);
                await SettleAsync(winner == _timer, request?.Invoke(context.CurrentUtcDateTime)).ConfigureAwait(true);
            }

            return Confirmed;
        }

        /// <summary>The request the last settle sent with the confirmation, once; <c>null</c> when none went.</summary>
        public SendLinkEmailInput? TakeSentRequest()
        {
            var sent = _sentRequest;
            _sentRequest = null;
            return sent;
        }

        /// <summary>Waits for a workspace action, or (until settled) the confirmation or its deadline.</summary>
        public async Task NextAsync()
        {
            _action ??= context.WaitForExternalEvent<CaseActionEvent>(WorkflowEvents.CaseAction);
            if (Confirmed || DeadlinePassed)
            {
                await _action.ConfigureAwait(true);
                _action = null;
                return;
            }

            StartConfirmationWait();
            var winner = await Task.WhenAny(_action, _confirmed!, _timer!).ConfigureAwait(true);
            if (winner == _action)
            {
                _action = null;
                return;
            }

            await SettleAsync(winner == _timer).ConfigureAwait(true);
        }

        private void StartConfirmationWait()
        {
            if (_timer is null)
            {
                _cts = new CancellationTokenSource();
                _timer = context.CreateTimer(confirmBy, _cts.Token);
            }

            _confirmed ??= context.WaitForExternalEvent<ReporterConfirmedEvent>(WorkflowEvents.ReporterConfirmed);
        }

        private async Task SettleAsync(bool deadlinePassed, SendLinkEmailInput? thenRequest = null)
        {
            if (!deadlinePassed)
            {
                _confirmed = null;
            }

            // §4.7: an event counts only when the store shows the confirmation; at the deadline an accepted
            // referral is spared, any other not yet confirmed is made unconfirmed (contract §11).
            var settled = await context.CallActivityAsync<bool>(nameof(SettleConfirmationActivity),
                new SettleConfirmationInput(input.ReferralId, deadlinePassed, context.CurrentUtcDateTime) { ThenRequest = thenRequest }, retry.For(nameof(SettleConfirmationActivity))).ConfigureAwait(true);
            Confirmed = settled;
            _sentRequest = settled ? thenRequest : null;
            DeadlinePassed = deadlinePassed;
            if (settled && !deadlinePassed)
            {
                // Synchronous on purpose (see AwaitDecisionAsync).
#pragma warning disable CA1849
                _cts!.Cancel();
#pragma warning restore CA1849
            }
        }
    }
}
