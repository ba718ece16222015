using Microsoft.DurableTask.Client;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;

namespace Sexting.Functions.Links;

/// <summary>
/// What one purpose of link (approval, education, reporter confirmation; contract §5, §11) puts into
/// the one link flow, <see cref="LinkFlow"/>: the purpose, who may use it, what its form asks for,
/// the event a use raises. The flow does the rest, in the same order for every purpose.
/// </summary>
/// <typeparam name="TForm">The posted form as read (<see cref="NoForm"/> for a link without fields).</typeparam>
public abstract class LinkAction<TForm>
    where TForm : class
{
    /// <summary>The purpose the token must have been issued for.</summary>
    public abstract LinkPurpose Purpose { get; }

    /// <summary>
    /// What the signed-in person must be allowed to do on the case's force (contract §9); <c>null</c>
    /// for a link anyone holding it may use, without sign-in (the reporter's, §11).
    /// </summary>
    public abstract StaffAction? RequiredAction { get; }

    /// <summary>The audit action of a person opening the link's page (§9: a read of the case); <c>null</c> when no person signs in.</summary>
    public abstract string? OpenedAuditAction { get; }

    /// <summary>The workflow event a use raises (a <see cref="Workflow.WorkflowEvents"/> name).</summary>
    public abstract string EventName { get; }

    /// <summary>The event's payload: the id of the recorded use and nothing else (contract §4.7).</summary>
    public abstract object EventOf(string useId);

    /// <summary>What a complete form asks the link to record on this case; otherwise no choice and the errors, keyed by field name.</summary>
    public abstract (LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors) Validate(TForm form, CaseRecord @case);

    /// <summary>Who the use is recorded as: the signed-in person (§9), unless the purpose says otherwise.</summary>
    public virtual StaffIdentity UserOf(StaffMember? who, DecisionLink link)
    {
        ArgumentNullException.ThrowIfNull(who);
        return StaffIdentity.Of(who);
    }

    /// <summary>
    /// Work on the case after every check and before the link is used, at <paramref name="at"/>, the
    /// time the use records. The case to answer with, or <c>null</c> when it turned out no longer to
    /// await this purpose (nothing is then used or raised).
    /// </summary>
    public virtual Task<CaseRecord?> PrepareAsync(CaseRecord @case, DateTimeOffset at, CancellationToken cancellationToken) =>
        Task.FromResult<CaseRecord?>(@case);

    /// <summary>
    /// What a recorded use does before the workflow hears of it: after the use is recorded, before any event,
    /// on <paramref name="case"/> as the flow read it. Whether the workflow still needs the event (by default
    /// it does: the workflow records the use itself). A fault here leaves the use recorded and raises nothing;
    /// <see cref="RecoverAsync"/> finishes it.
    /// </summary>
    public virtual Task<bool> ApplyAsync(CaseRecord @case, LinkUse use, DurableTaskClient client, CancellationToken cancellationToken) =>
        Task.FromResult(true);

    /// <summary>Whether <see cref="RecoverAsync"/> does anything.</summary>
    public virtual bool Recovers => false;

    /// <summary>
    /// A POST of a link of this purpose already used, by a person who may act on <paramref name="case"/>: finishes
    /// what the winning use's <see cref="ApplyAsync"/> left undone after a fault (the answer stays 410). By default nothing.
    /// </summary>
    public virtual Task RecoverAsync(CaseRecord @case, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>
    /// Whether the workflow still waits for the event of <paramref name="decided"/>, the final use the link store
    /// recorded for <paramref name="case"/> and this purpose: a POST finding the links used then raises it again, in
    /// case the first raise was lost (the durable backend unavailable). By default it never does.
    /// </summary>
    public virtual Task<bool> AwaitsEventAsync(CaseRecord @case, LinkUse decided, DurableTaskClient client, CancellationToken cancellationToken) =>
        Task.FromResult(false);
}
