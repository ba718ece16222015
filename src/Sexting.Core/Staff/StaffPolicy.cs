using Sexting.Core.Referrals;

namespace Sexting.Core.Staff;

/// <summary>
/// Who may do what (contract §9): the one place that maps an action to the role it needs. A person
/// acts on a case only with that role <em>and</em> the case's force role; reading a case needs any
/// role plus the force role; the monitoring figures span the forces and need the role alone.
/// </summary>
public static class StaffPolicy
{
    /// <summary>The role an action needs; <c>null</c> where any role will do.</summary>
    public static string? RequiredRole(StaffAction action) => action switch
    {
        StaffAction.ReadCase => null,
        StaffAction.DecideOutcome21 => StaffRoles.AuthorisingManager, // §3.4.3
        StaffAction.ConfirmEducation => StaffRoles.YouthOfficer, // §3.4.7-§3.4.9
        StaffAction.ReadSummaryReport => StaffRoles.Prevention, // §2.3.1
        StaffAction.ReadAudit => StaffRoles.Administrator,
        StaffAction.VerifyTimeline => StaffRoles.Administrator, // contract §10, §12
        StaffAction.ExportCase => StaffRoles.Administrator, // contract §10, §12; SA028 §1.6
        StaffAction.ListCases => null, // contract §10: any role, the person's forces only
        StaffAction.AcceptInvestigation => StaffRoles.Investigator, // §1.2.2, §3.5; contract §10
        StaffAction.ReturnToOutcome21 => StaffRoles.Supervisor, // §3.5.1; contract §10
        StaffAction.CloseInvestigation => StaffRoles.Investigator, // contract §10
        StaffAction.RecordAdvice => StaffRoles.SafeguardingExpert, // §3.4.3; contract §10
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "No rule for this action."),
    };

    /// <summary>Whether the action is about one force's case, so that the force role is needed too.</summary>
    public static bool IsAboutACase(StaffAction action) => action is not (StaffAction.ReadSummaryReport or StaffAction.ListCases);

    /// <summary>
    /// Whether <paramref name="who"/> may take <paramref name="action"/>, on a case of
    /// <paramref name="force"/>; with <paramref name="force"/> <c>null</c>, the role alone is checked
    /// (before the case is known, so that a person without the role learns nothing about it).
    /// </summary>
    public static StaffAccess Decide(StaffMember? who, StaffAction action, ForceArea? force = null)
    {
        if (who is null)
        {
            return StaffAccess.SignInRequired;
        }

        var role = RequiredRole(action);
        var hasRole = role is null ? who.HasAnyRole : who.Has(role);
        if (!hasRole)
        {
            return StaffAccess.Forbidden;
        }

        return force is { } caseForce && IsAboutACase(action) && !who.IsIn(caseForce) ? StaffAccess.Forbidden : StaffAccess.Allowed;
    }
}
