using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Cases;
using Sexting.Functions.Links;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Confirmation;

/// <summary>
/// The reporter confirms their address (contract §11): no sign-in and no fields. The case records
/// when, <c>ReporterConfirmed</c> is appended, the link is consumed (single use, exactly one of
/// concurrent uses wins) and the workflow is woken. A case already unconfirmed (the deadline passed)
/// is not revived.
/// </summary>
public sealed class ReporterConfirmationAction(CaseUpdater updater, ICaseStore store) : LinkAction<NoForm>
{
    /// <summary>Who a reporter's link use is recorded as: not a member of staff, the address the link was sent to.</summary>
    public const string ReporterUserId = "reporter";

    private static readonly LinkChoice Confirmed = new("confirmed", null, [], null);
    private static readonly Dictionary<string, string> NoErrors = [];

    public override LinkPurpose Purpose => LinkPurpose.ReporterConfirmation;

    public override StaffAction? RequiredAction => null;

    public override string? OpenedAuditAction => null;

    public override string EventName => WorkflowEvents.ReporterConfirmed;

    public override object EventOf(string useId) => new ReporterConfirmedEvent(useId);

    public override (LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors) Validate(NoForm form, CaseRecord @case) => (Confirmed, NoErrors);

    public override StaffIdentity UserOf(StaffMember? who, DecisionLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new StaffIdentity(ReporterUserId, "The reporter", link.SentTo);
    }

    /// <summary>
    /// The case first, conditional on its version: if the deadline made it unconfirmed first, nothing
    /// changes. Then the people index, so the case's young people count for repeat offending from now
    /// (contract §3: an earlier referral counts once its reporter confirmed), whichever way the workflow
    /// then reads the confirmation: on the investigation route it may see it in the case before it takes
    /// the event, and then does not settle it. A crash after this and before the link is consumed loses
    /// nothing: the workflow reads the case at the deadline, and the reporter's retry finds the link still
    /// valid and does both again (each is idempotent).
    /// </summary>
    public override async Task<CaseRecord?> PrepareAsync(CaseRecord @case, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(@case);
        // From the case as the link's lookup just read it; the confirmation and its entry in one transaction (issue 22).
        var updated = await updater.UpdateAsync(
            @case.ReferralId,
            @case,
            c => c.ReporterConfirmed || !LinkResolver.Awaits(c, LinkPurpose.ReporterConfirmation)
                ? null
                : c with { Confirmation = c.Confirmation! with { ConfirmedAt = at } },
            c => c.ReporterConfirmed
                ? new TimelineEntry(c.Confirmation!.ConfirmedAt!.Value, TimelineEvent.ReporterConfirmed, "The reporter confirmed their email address", nameof(TimelineEvent.ReporterConfirmed))
                : null,
            cancellationToken).ConfigureAwait(false);
        if (!updated.ReporterConfirmed)
        {
            return null;
        }

        await store.IndexPeopleAsync(updated, cancellationToken).ConfigureAwait(false);
        return updated;
    }
}
