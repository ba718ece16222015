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

namespace Sexting.Functions.Education;

/// <summary>
/// The education link (§3.4.7, contract §5): the signed-in youth officer of the case's force confirms
/// education and intervention delivered. Final: consumes the links and records who confirmed and for
/// which young people. Workflow v6 then closes the case here (<see cref="EducationDelivery"/>): its
/// orchestration ended at the fan-out. An instance of an earlier version still waiting gets the event, naming
/// only the recorded use (§4.7), and finds the case closed.
/// </summary>
public sealed class EducationAction(EducationDelivery delivery) : LinkAction<EducationForm>
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
    /// instance of an earlier version still running, which waits for it.
    /// </summary>
    public override async Task<bool> ApplyAsync(CaseRecord @case, LinkUse use, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(use);
        await delivery.RecordAsync(use, @case, cancellationToken).ConfigureAwait(false);
        return await WorkspaceActions.RunningVersionAsync(client, use.ReferralId, cancellationToken).ConfigureAwait(false) is { } version
            && version < WorkflowVersions.DeliveryByTheLink;
    }

    public override bool Recovers => true;

    /// <summary>A delivery whose link was used but whose case could not be written then: recorded now.</summary>
    public override Task RecoverAsync(CaseRecord @case, CancellationToken cancellationToken) =>
        delivery.CompleteRecordedAsync(@case, cancellationToken);
}
