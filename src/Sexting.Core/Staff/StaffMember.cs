using Sexting.Core.Referrals;

namespace Sexting.Core.Staff;

/// <summary>
/// A signed-in member of police staff, as the platform's sign-in reported them (contract §9):
/// their directory user id, name and email, and their app roles. Never typed into a form.
/// </summary>
public sealed record StaffMember(string UserId, string Name, string Email, IReadOnlySet<string> Roles)
{
    /// <summary>Whether they hold the role (exact, case-sensitive, as Entra ID sends role values).</summary>
    public bool Has(string role) => Roles.Contains(role);

    /// <summary>Whether they are a member of the force (its <c>Force.&lt;force&gt;</c> role).</summary>
    public bool IsIn(ForceArea force) => Has(StaffRoles.ForceRole(force));

    /// <summary>Whether they hold any functional role at all (force memberships alone do not count).</summary>
    public bool HasAnyRole => StaffRoles.Functional.Any(Has);

    /// <summary>How timelines and audits name them: "Name (email)".</summary>
    public string Describe() => $"{Name} ({Email})";
}
