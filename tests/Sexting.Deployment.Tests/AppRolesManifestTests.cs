using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests;

/// <summary>
/// infra/app-roles.json, the app roles infra/scripts/create-app-registration.sh gives the staff
/// sign-in app registration: exactly the role values of contract §9, in a shape Microsoft Graph takes.
/// </summary>
public sealed class AppRolesManifestTests
{
    private static readonly JsonArray Roles = JsonNode.Parse(File.ReadAllText(RepoPaths.Infra("app-roles.json")))!.AsArray();

    [Fact]
    public void AppRoles_Values_ExactlyTheContracts()
    {
        // shared/api/referral-api.md §9: seven roles and one force-membership role per force.
        string[] contract =
        [
            "AuthorisingManager", "YouthOfficer", "Investigator", "Supervisor", "SafeguardingExpert", "Prevention", "Administrator",
            "Force.DevonAndCornwall", "Force.Dorset",
        ];

        Assert.Equal(contract.Order(StringComparer.Ordinal), Roles.Select(r => (string)r!["value"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AppRoles_Ids_FixedDistinctGuids()
    {
        // Fixed ids, so running the script again updates the same roles and keeps people's assignments.
        var ids = Roles.Select(r => (string)r!["id"]!).ToList();

        Assert.All(ids, id => Assert.True(Guid.TryParse(id, out _), id));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Fact]
    public void AppRoles_ForPeople_EnabledAndDescribed()
    {
        Assert.All(Roles, r =>
        {
            Assert.Equal(["User"], r!["allowedMemberTypes"]!.AsArray().Select(t => (string)t!));
            Assert.True((bool)r["isEnabled"]!);
            Assert.False(string.IsNullOrWhiteSpace((string?)r["displayName"]));
            Assert.False(string.IsNullOrWhiteSpace((string?)r["description"]));
        });
    }

    [Fact]
    public void Script_UsesTheManifest_AndTrustsTheAppsIdentity()
    {
        var script = File.ReadAllText(RepoPaths.Infra("scripts", "create-app-registration.sh"));

        Assert.Contains("app-roles.json", script, StringComparison.Ordinal);
        Assert.Contains("--sign-in-audience AzureADMyOrg", script, StringComparison.Ordinal);
        Assert.Contains("appRoleAssignmentRequired=true", script, StringComparison.Ordinal);
        Assert.Contains("/.auth/login/aad/callback", script, StringComparison.Ordinal);
        Assert.Contains("api://AzureADTokenExchange", script, StringComparison.Ordinal);
        Assert.Contains("SERVICE_API_IDENTITY_PRINCIPAL_ID", script, StringComparison.Ordinal);
        Assert.DoesNotContain("credential reset", script, StringComparison.Ordinal); // no client secret is ever made
    }
}
