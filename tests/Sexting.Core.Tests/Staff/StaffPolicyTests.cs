using Sexting.Core.Referrals;
using Sexting.Core.Staff;

namespace Sexting.Core.Tests.Staff;

/// <summary>Contract §9 as a table: each action, each kind of person, a case of Devon and Cornwall.</summary>
public sealed class StaffPolicyTests
{
    private static readonly ForceArea Dc = ForceArea.DevonAndCornwall;

    public static TheoryData<StaffAction, string, StaffAccess> Table()
    {
        var rows = new TheoryData<StaffAction, string, StaffAccess>();
        var roleOf = new Dictionary<StaffAction, string?>
        {
            [StaffAction.ReadCase] = null,
            [StaffAction.DecideOutcome21] = StaffRoles.AuthorisingManager,
            [StaffAction.ConfirmEducation] = StaffRoles.YouthOfficer,
            [StaffAction.ReadSummaryReport] = StaffRoles.Prevention,
            [StaffAction.ReadAudit] = StaffRoles.Administrator,
            [StaffAction.VerifyTimeline] = StaffRoles.Administrator,
            [StaffAction.ExportCase] = StaffRoles.Administrator,
        };
        foreach (var (action, needed) in roleOf)
        {
            foreach (var role in StaffRoles.Functional)
            {
                var roleFits = needed is null || needed == role;
                // With the case's force role.
                rows.Add(action, $"{role} Force.DevonAndCornwall", roleFits ? StaffAccess.Allowed : StaffAccess.Forbidden);
                // With another force's role only: case actions are refused; the report spans forces.
                rows.Add(action, $"{role} Force.Dorset", roleFits && action == StaffAction.ReadSummaryReport ? StaffAccess.Allowed : StaffAccess.Forbidden);
            }

            rows.Add(action, "Force.DevonAndCornwall", StaffAccess.Forbidden); // a force membership is not a role
            rows.Add(action, string.Empty, StaffAccess.Forbidden);
            rows.Add(action, "authorisingmanager force.devonandcornwall", StaffAccess.Forbidden); // role values are exact
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Decide_RolesOnACaseOfDevonAndCornwall(StaffAction action, string roles, StaffAccess expected) =>
        Assert.Equal(expected, StaffPolicy.Decide(Person(roles), action, Dc));

    [Theory]
    [InlineData(StaffAction.ReadCase)]
    [InlineData(StaffAction.DecideOutcome21)]
    [InlineData(StaffAction.ConfirmEducation)]
    [InlineData(StaffAction.ReadSummaryReport)]
    [InlineData(StaffAction.ReadAudit)]
    [InlineData(StaffAction.VerifyTimeline)]
    [InlineData(StaffAction.ExportCase)]
    public void Decide_NobodySignedIn_SignInRequired(StaffAction action) =>
        Assert.Equal(StaffAccess.SignInRequired, StaffPolicy.Decide(null, action, Dc));

    [Fact]
    public void Decide_BeforeTheCaseIsKnown_RoleAloneDecides()
    {
        var manager = Person("AuthorisingManager Force.Dorset");

        Assert.Equal(StaffAccess.Allowed, StaffPolicy.Decide(manager, StaffAction.DecideOutcome21));
        Assert.Equal(StaffAccess.Forbidden, StaffPolicy.Decide(manager, StaffAction.ConfirmEducation));
        Assert.Equal(StaffAccess.Forbidden, StaffPolicy.Decide(manager, StaffAction.DecideOutcome21, Dc));
    }

    [Fact]
    public void ForceRole_ConfiguredForce_PrefixAndName() =>
        Assert.Equal("Force.DevonAndCornwall", StaffRoles.ForceRole(Dc));

    private static StaffMember Person(string roles) =>
        new("user-1", "Pat Example", "pat@police.example", roles.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal));
}
