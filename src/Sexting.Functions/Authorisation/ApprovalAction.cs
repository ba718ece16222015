using Microsoft.DurableTask.Client;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Workflow;
using Sexting.Functions.Workspace;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>
/// The approval link (contract §5, §3.4.3): a signed-in <c>AuthorisingManager</c> of the case's force
/// authorises, declines or consults. <c>authorise</c> and <c>decline</c> are final and consume every
/// link of the referral, so exactly one decision reaches the workflow; <c>consult</c> is not final and
/// leaves the link valid. Either way the use is recorded with who made it, and the event names only it (§4.7).
/// </summary>
public sealed class ApprovalAction(ICaseStore store) : LinkAction<ApprovalForm>
{
    public override LinkPurpose Purpose => LinkPurpose.Authorisation;

    public override StaffAction? RequiredAction => StaffAction.DecideOutcome21;

    public override string? OpenedAuditAction => AuditActions.OpenedApprovalLink;

    public override string EventName => WorkflowEvents.Decision;

    public override object EventOf(string useId) => new DecisionEvent(useId);

    public override (LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors) Validate(ApprovalForm form, CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (decision, errors) = form.Validate();
        return decision is not { } chosen
            ? (null, errors)
            : (new LinkChoice(ApprovalDecisions.ActionOf(chosen), FormFields.TextOrNull(form.Rationale), [], AuditActionOf(chosen), ApprovalDecisions.IsFinal(chosen)), errors);
    }

    /// <summary>
    /// While the case awaits the decision and its orchestration runs, the recorded decision is still awaited,
    /// unless it belongs to an earlier round: a decline the workflow acted on, the case since returned to
    /// Outcome 21 and asked for again (an <see cref="TimelineEvent.AuthorisationRequested"/> after the decision).
    /// </summary>
    public override async Task<bool> AwaitsEventAsync(CaseRecord @case, LinkUse decided, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(decided);
        if (!LinkResolver.Awaits(@case, Purpose)
            || await WorkspaceActions.RunningVersionAsync(client, @case.ReferralId, cancellationToken).ConfigureAwait(false) is null)
        {
            return false;
        }

        var timeline = await store.GetTimelineAsync(@case.ReferralId, cancellationToken).ConfigureAwait(false);
        return !timeline.Any(e => e.Event == TimelineEvent.AuthorisationRequested && e.At > decided.At);
    }

    private static string AuditActionOf(ApprovalDecision decision) => decision switch
    {
        ApprovalDecision.Authorise => AuditActions.Authorised,
        ApprovalDecision.Decline => AuditActions.Declined,
        _ => AuditActions.ConsultedExpert,
    };
}
