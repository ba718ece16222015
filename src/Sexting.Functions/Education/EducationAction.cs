using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Links;
using Sexting.Functions.Workflow;
using Sexting.Functions.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>
/// The education link (§3.4.7, contract §5): the signed-in youth officer of the case's force confirms
/// education and intervention delivered. Final: consumes the links and records who confirmed and for
/// which young people; the event names only the recorded use (§4.7).
/// </summary>
public sealed class EducationAction : LinkAction<EducationForm>
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
}
