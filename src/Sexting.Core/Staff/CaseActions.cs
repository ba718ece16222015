using Sexting.Core.Cases;

namespace Sexting.Core.Staff;

/// <summary>
/// What a person may do next on a case (contract §10): the workspace actions whose role and force role
/// they hold (<see cref="StaffPolicy"/>) and that the case's status allows. The one rule behind the case
/// page's forms and its JSON <c>actions</c>.
/// </summary>
public static class CaseActions
{
    /// <summary>The workspace actions, in the order the case page offers them.</summary>
    public static IReadOnlyList<StaffAction> Workspace { get; } =
    [
        StaffAction.AcceptInvestigation,
        StaffAction.ReturnToOutcome21,
        StaffAction.CloseInvestigation,
        StaffAction.DecideOutcome21,
        StaffAction.RecordAdvice,
    ];

    /// <summary>Whether the case, as it stands, allows <paramref name="action"/> by anyone with the role.</summary>
    public static bool CaseAllows(CaseRecord @case, IReadOnlyList<TimelineEntry> timeline, StaffAction action)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(timeline);
        return action switch
        {
            StaffAction.AcceptInvestigation => @case.Status == CaseStatus.ReferredForInvestigation,
            StaffAction.ReturnToOutcome21 => @case.Status == CaseStatus.ReferredForInvestigation,
            StaffAction.CloseInvestigation => @case.Status == CaseStatus.UnderInvestigation,
            // Contract §4.4, §11: Outcome 21 is decided on a confirmed report only. A supervisor may return a case to the
            // Outcome 21 route before the reporter confirmed (§10); it then waits, as its authorisation request does.
            StaffAction.DecideOutcome21 => @case.Status == CaseStatus.AwaitingAuthorisation && @case.ReporterConfirmed,
            // §3.4.3: the expert advises once a manager has consulted them (before any, the POST answers 409).
            StaffAction.RecordAdvice => timeline.Any(t => t.Event == TimelineEvent.SafeguardingExpertConsulted),
            _ => false,
        };
    }

    /// <summary>The workspace actions <paramref name="who"/> may take on the case now, in <see cref="Workspace"/> order.</summary>
    public static IReadOnlyList<StaffAction> Available(CaseRecord @case, IReadOnlyList<TimelineEntry> timeline, StaffMember? who)
    {
        ArgumentNullException.ThrowIfNull(@case);
        ArgumentNullException.ThrowIfNull(timeline);
        return [.. Workspace.Where(action =>
            StaffPolicy.Decide(who, action, @case.ForceArea) == StaffAccess.Allowed && CaseAllows(@case, timeline, action))];
    }
}
