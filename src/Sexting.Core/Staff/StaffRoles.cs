using Sexting.Core.Referrals;

namespace Sexting.Core.Staff;

/// <summary>
/// The app roles of the Entra ID app registration (contract §9), values exactly as the platform
/// passes them in the signed-in person's <c>roles</c> claims.
/// </summary>
public static class StaffRoles
{
    /// <summary>Line manager who authorises Outcome 21 (§3.4.3).</summary>
    public const string AuthorisingManager = nameof(AuthorisingManager);

    /// <summary>Youth Intervention Officer or Safer Schools and Communities Team (§3.4.8, §3.4.9).</summary>
    public const string YouthOfficer = nameof(YouthOfficer);

    /// <summary>Investigates aggravated cases (§1.2.2, §3.5).</summary>
    public const string Investigator = nameof(Investigator);

    /// <summary>May return an aggravated case to the Outcome 21 route (§3.5.1).</summary>
    public const string Supervisor = nameof(Supervisor);

    /// <summary>Public Protection Unit DS or equivalent, consulted by the manager (§3.4.3).</summary>
    public const string SafeguardingExpert = nameof(SafeguardingExpert);

    /// <summary>Alliance Prevention Department: the monitoring figures (§2.3.1).</summary>
    public const string Prevention = nameof(Prevention);

    /// <summary>Reads the audit, exports and verifies cases (§1.6).</summary>
    public const string Administrator = nameof(Administrator);

    /// <summary>The prefix of the force-membership roles: <c>Force.DevonAndCornwall</c>, <c>Force.Dorset</c>.</summary>
    public const string ForcePrefix = "Force.";

    /// <summary>Every role that is not a force membership.</summary>
    public static IReadOnlyList<string> Functional { get; } =
        [AuthorisingManager, YouthOfficer, Investigator, Supervisor, SafeguardingExpert, Prevention, Administrator];

    /// <summary>The force-membership role of a force.</summary>
    public static string ForceRole(ForceArea force) => ForcePrefix + force;
}
