using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Workflow;
using Sexting.Functions.Workspace;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>
/// The education link (§3.4.7, contract §5): the signed-in youth officer of the case's force confirms
/// education and intervention delivered. Final: consumes the links and records who confirmed and for
/// which young people. Workflow v6 then closes the case here (<see cref="EducationDelivery"/>): its
/// orchestration ended at the fan-out. An instance of an earlier version still waiting gets the event, naming
/// only the recorded use (§4.7), and finds the case closed.
/// </summary>
public sealed partial class EducationAction(EducationDelivery delivery, ILogger<EducationAction> logger) : LinkAction<EducationForm>
{
    /// <summary>The action a confirmation records, and the JSON answer's <c>status</c>.</summary>
    public const string Delivered = "delivered";

    public override LinkPurpose Purpose => LinkPurpose.EducationDelivered;

    public override StaffAction? RequiredAction => StaffAction.ConfirmEducation;

    public override string? OpenedAuditAction => AuditActions.OpenedEducationLink;

    public override string EventName => WorkflowEvents.EducationDelivered;

    public override object EventOf(string useId) => new EducationDeliveredEvent(useId);

    public override (LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors) Validate(EducationForm form, CaseRecord @case)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(@case);
        var errors = form.Validate([.. @case.Referral.YoungPeople.Select(p => p.Reference)]);
        return errors.Count > 0
            ? (null, errors)
            : (new LinkChoice(Delivered, FormFields.TextOrNull(form.Notes), form.Delivered, AuditActions.ConfirmedEducation), errors);
    }

    /// <summary>
    /// Closes the case with the delivery (issue 22: no durable round trip for it). The event only for an
    /// instance of an earlier version still running, which waits for it. The delivery is recorded once the
    /// case is written, so a workflow backend that cannot be asked then does not turn the answer into a 503:
    /// the event could not have been raised either, and is logged as not raised.
    /// </summary>
    public override async Task<bool> ApplyAsync(CaseRecord @case, LinkUse use, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        await delivery.RecordAsync(use, @case, cancellationToken).ConfigureAwait(false);
        return await EarlierVersionWaitsAsync(client, use.ReferralId, cancellationToken).ConfigureAwait(false);
    }

    public override bool Recovers => true;

    /// <summary>
    /// A delivery whose link was used but whose case could not be written then: recorded now. A case the delivery
    /// closed before a later step failed: its due entries finished, from the time it closed (contract §12).
    /// </summary>
    public override async Task RecoverAsync(CaseRecord @case, CancellationToken cancellationToken)
    {
        if (await delivery.CompleteRecordedAsync(@case, cancellationToken).ConfigureAwait(false) is null)
        {
            await delivery.RepairClosedAsync(@case, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// A used link POSTed again: the recorded delivery's event for an instance of an earlier version still waiting
    /// for it (its first raise lost); the case itself is closed by <see cref="RecoverAsync"/>, whatever the version.
    /// </summary>
    public override Task<bool> AwaitsEventAsync(CaseRecord @case, LinkUse decided, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return EarlierVersionWaitsAsync(client, @case.ReferralId, cancellationToken);
    }

    /// <summary>
    /// Whether an instance of a version before <see cref="WorkflowVersions.DeliveryByTheLink"/> runs, and so waits for the
    /// event. A backend that cannot be asked is logged and taken as no: the answer does not become a 503 for it.
    /// </summary>
    private async Task<bool> EarlierVersionWaitsAsync(DurableTaskClient client, string referralId, CancellationToken cancellationToken)
    {
        try
        {
            return await WorkspaceActions.RunningVersionAsync(client, referralId, cancellationToken).ConfigureAwait(false) is { } version
                && version < WorkflowVersions.DeliveryByTheLink;
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogBackendUnavailable(logger, ex, referralId);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: delivery recorded and case closed; the workflow backend could not be asked whether an instance of an earlier version waits for the event, so none was raised")]
    private static partial void LogBackendUnavailable(ILogger logger, Exception exception, string referralId);
}
