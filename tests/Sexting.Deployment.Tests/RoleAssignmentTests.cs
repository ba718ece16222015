using Sexting.Deployment.Tests.Arm;

namespace Sexting.Deployment.Tests;

/// <summary>The app's identity holds exactly the data-plane roles it needs, each on its own resource.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class RoleAssignmentTests(CompiledInfraFixture infra)
{
    [Theory]
    [InlineData("b7e6dc6d-f1e8-4753-8033-0f276bb0955b", "Microsoft.Storage/storageAccounts")] // Storage Blob Data Owner
    [InlineData("974c5e8b-45b9-4653-ba55-5f855dd0fb88", "Microsoft.Storage/storageAccounts")] // Storage Queue Data Contributor
    [InlineData("0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", "Microsoft.Storage/storageAccounts")] // Storage Table Data Contributor
    [InlineData("4633458b-17de-408a-b874-0445c86b69e6", "Microsoft.KeyVault/vaults")] // Key Vault Secrets User
    [InlineData("e147488a-f6f5-4113-8e2d-b22465e65bf6", "Microsoft.KeyVault/vaults/keys")] // Key Vault Crypto Service Encryption User, on the key only
    [InlineData("3913510d-42f4-4e42-8a64-420c390055eb", "Microsoft.Insights/components")] // Monitoring Metrics Publisher
    public void RoleAssignment_AppIdentity_HasRoleOnResource(string roleDefinitionGuid, string scopeType)
    {
        var match = Assert.Single(AppIdentityAssignments(), r =>
            r.StringAt("properties.roleDefinitionId")!.Contains($"'{roleDefinitionGuid}'", StringComparison.Ordinal));

        Assert.Contains($"'{scopeType}'", match.StringAt("scope"), StringComparison.Ordinal);
        Assert.Equal("ServicePrincipal", match.StringAt("properties.principalType"));
        Assert.Null(match.At("condition"));
    }

    [Fact]
    public void RoleAssignment_AppIdentity_NoOtherRoles()
    {
        // Six grants and nothing at resource-group or subscription scope.
        var assignments = AppIdentityAssignments();

        Assert.Equal(6, assignments.Count);
        Assert.All(assignments, a => Assert.NotNull(a.StringAt("scope")));
    }

    [Fact]
    public void RoleAssignment_Deployer_OnlyReadsKeyVaultSecrets()
    {
        var deployer = Assert.Single(
            infra.Template.OfType("Microsoft.Authorization/roleAssignments"),
            r => r.StringAt("properties.principalId") == "[parameters('deployerPrincipalId')]");

        Assert.Contains("'4633458b-17de-408a-b874-0445c86b69e6'", deployer.StringAt("properties.roleDefinitionId"), StringComparison.Ordinal);
        Assert.Contains("'Microsoft.KeyVault/vaults'", deployer.StringAt("scope"), StringComparison.Ordinal);
        Assert.Equal("[not(empty(parameters('deployerPrincipalId')))]", deployer.StringAt("condition"));
    }

    private List<ArmResource> AppIdentityAssignments() =>
        infra.Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(r => r.StringAt("properties.principalId")!.Contains("Microsoft.ManagedIdentity/userAssignedIdentities", StringComparison.Ordinal))
            .ToList();
}
