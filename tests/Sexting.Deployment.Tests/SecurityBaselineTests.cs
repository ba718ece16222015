using Sexting.Deployment.Tests.Arm;

namespace Sexting.Deployment.Tests;

/// <summary>The security properties issue 9 asks for, read from the compiled ARM template.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class SecurityBaselineTests(CompiledInfraFixture infra)
{
    private ArmTemplate Template => infra.Template;

    private ArmResource Site => Assert.Single(Template.OfType("Microsoft.Web/sites"));

    private ArmResource StorageAccount => Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts"));

    [Fact]
    public void Site_HttpsOnly_True() => Assert.True(Site.BoolAt("properties.httpsOnly"));

    [Fact]
    public void Site_MinimumTls_OnePointTwo()
    {
        Assert.Equal("1.2", Site.StringAt("properties.siteConfig.minTlsVersion"));
        Assert.Equal("1.2", Site.StringAt("properties.siteConfig.scmMinTlsVersion"));
    }

    [Fact]
    public void Site_Ftps_Disabled() => Assert.Equal("Disabled", Site.StringAt("properties.siteConfig.ftpsState"));

    [Theory]
    [InlineData("ftp")]
    [InlineData("scm")]
    public void Site_BasicPublishingCredentials_NotAllowed(string policy)
    {
        var match = Assert.Single(
            Template.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies"),
            r => r.Name.Contains($"'{policy}'", StringComparison.Ordinal));

        Assert.False(match.BoolAt("properties.allow"));
    }

    [Fact]
    public void Site_FlexConsumptionDotnetIsolated10_OnFc1Plan()
    {
        Assert.Equal("dotnet-isolated", Site.StringAt("properties.functionAppConfig.runtime.name"));
        Assert.Equal("10.0", Site.StringAt("properties.functionAppConfig.runtime.version"));
        var plan = Assert.Single(Template.OfType("Microsoft.Web/serverfarms"));
        Assert.Equal("FC1", plan.StringAt("sku.name"));
        Assert.Equal("FlexConsumption", plan.StringAt("sku.tier"));
    }

    [Theory]
    [InlineData(0, "durable:1")]
    [InlineData(2, "durable:1 http:2")]
    public void Site_AlwaysReady_OneDurableInstanceAndHttpAsConfigured(long httpInstances, string expected)
    {
        // Microsoft's Flex Consumption guidance for Durable Functions: one always-ready instance for `durable`.
        var scope = new ArmScope(
            name => name == "alwaysReadyHttpInstances" ? System.Text.Json.Nodes.JsonValue.Create(httpInstances) : throw new KeyNotFoundException(name),
            name => throw new KeyNotFoundException(name),
            name => throw new KeyNotFoundException(name));

        var alwaysReady = ArmExpression.Evaluate(Site.At("properties.functionAppConfig.scaleAndConcurrency.alwaysReady"), scope)!.AsArray();

        Assert.Equal(expected, string.Join(' ', alwaysReady.Select(g => $"{(string?)g!["name"]}:{(long)g["instanceCount"]!}")));
    }

    [Fact]
    public void Site_Identity_UserAssignedOnly()
    {
        Assert.Equal("UserAssigned", Site.StringAt("identity.type"));
        var identities = Assert.IsType<System.Text.Json.Nodes.JsonObject>(Site.At("identity.userAssignedIdentities"));
        Assert.Single(identities);
        Assert.Single(Template.OfType("Microsoft.ManagedIdentity/userAssignedIdentities"));
    }

    [Fact]
    public void Site_KeyVaultReferences_ResolveWithTheUserAssignedIdentity()
    {
        var identityKey = Assert.Single(Assert.IsType<System.Text.Json.Nodes.JsonObject>(Site.At("identity.userAssignedIdentities"))).Key;

        // Both are expressions over the same module parameter.
        Assert.Equal("[parameters('identityId')]", Site.StringAt("properties.keyVaultReferenceIdentity"));
        Assert.Contains("parameters('identityId')", identityKey, StringComparison.Ordinal);
    }

    [Fact]
    public void Site_DeploymentPackage_ReadWithTheUserAssignedIdentity()
    {
        Assert.Equal("blobContainer", Site.StringAt("properties.functionAppConfig.deployment.storage.type"));
        Assert.Equal("UserAssignedIdentity", Site.StringAt("properties.functionAppConfig.deployment.storage.authentication.type"));
        Assert.Equal("[parameters('identityId')]", Site.StringAt("properties.functionAppConfig.deployment.storage.authentication.userAssignedIdentityResourceId"));
    }

    [Fact]
    public void Storage_MinimumTls_OnePointTwo() => Assert.Equal("TLS1_2", StorageAccount.StringAt("properties.minimumTlsVersion"));

    [Fact]
    public void Storage_PublicBlobAccess_Off() => Assert.False(StorageAccount.BoolAt("properties.allowBlobPublicAccess"));

    [Fact]
    public void Storage_SharedKeyAccess_Off()
    {
        // Flex Consumption, Durable Task on Azure Storage and the deployment package all run with
        // identity-based connections, so no key is needed anywhere (docs/deploy.md).
        Assert.False(StorageAccount.BoolAt("properties.allowSharedKeyAccess"));
        Assert.True(StorageAccount.BoolAt("properties.defaultToOAuthAuthentication"));
        Assert.True(StorageAccount.BoolAt("properties.supportsHttpsTrafficOnly"));
    }

    [Fact]
    public void Storage_DeploymentContainer_Private()
    {
        var container = Assert.Single(Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"));
        Assert.Equal("None", container.StringAt("properties.publicAccess"));
    }

    [Fact]
    public void KeyVault_RbacSoftDeleteAndPurgeProtection_On()
    {
        var vault = Assert.Single(Template.OfType("Microsoft.KeyVault/vaults"));

        Assert.True(vault.BoolAt("properties.enableRbacAuthorization"));
        Assert.True(vault.BoolAt("properties.enableSoftDelete"));
        Assert.Contains("enablePurgeProtection", vault.StringAt("properties.enablePurgeProtection"), StringComparison.Ordinal);
        var main = Template.Root["parameters"]!["keyVaultPurgeProtection"]!;
        Assert.True((bool)main["defaultValue"]!);
    }

    [Fact]
    public void KeyVault_Secrets_ForSendGridIndexKeyFunctionKeyAndTimelineKey()
    {
        var secrets = Template.OfType("Microsoft.KeyVault/vaults/secrets");

        Assert.Equal(4, secrets.Count);
        Assert.All(secrets, s => Assert.Contains("parameters('", s.StringAt("properties.value"), StringComparison.Ordinal));
        var keyVaultModule = Template.Modules["keyvault"];
        Assert.Equal("securestring", (string?)keyVaultModule["parameters"]!["sendGridApiKey"]!["type"]);
        Assert.Equal("securestring", (string?)keyVaultModule["parameters"]!["tablesIndexKey"]!["type"]);
        Assert.Equal("securestring", (string?)keyVaultModule["parameters"]!["apiFunctionKey"]!["type"]);
        Assert.Equal("securestring", (string?)keyVaultModule["parameters"]!["timelineKey"]!["type"]);
    }

    [Fact]
    public void KeyVault_DataProtectionKey_RsaWrapOnlyAndRotated()
    {
        // Contract §12: the key-encryption key of the personal data at rest.
        var key = Assert.Single(Template.OfType("Microsoft.KeyVault/vaults/keys"));

        Assert.Equal("RSA", key.StringAt("properties.kty"));
        Assert.Equal("[\"wrapKey\",\"unwrapKey\"]", key.At("properties.keyOps")!.ToJsonString());
        var actions = key.At("properties.rotationPolicy.lifetimeActions")!.AsArray();
        Assert.Contains(actions, a => (string?)a!["action"]!["type"] == "rotate" && (string?)a["trigger"]!["timeAfterCreate"] == "P1Y");
    }

    [Fact]
    public void Monitoring_AppInsights_WorkspaceBasedWithLocalAuthOffByDefault()
    {
        var component = Assert.Single(Template.OfType("Microsoft.Insights/components"));
        Assert.Single(Template.OfType("Microsoft.OperationalInsights/workspaces"));

        Assert.Contains("Microsoft.OperationalInsights/workspaces", component.StringAt("properties.WorkspaceResourceId"), StringComparison.Ordinal);
        Assert.Equal("[parameters('disableLocalAuth')]", component.StringAt("properties.DisableLocalAuth"));
        Assert.True((bool)Template.Root["parameters"]!["appInsightsDisableLocalAuth"]!["defaultValue"]!);
    }

    [Fact]
    public void Monitoring_StalledStepAlert_MatchesTheWorkersMessagesPerReferral()
    {
        // docs/monitoring.md, "Stalled workflow steps": the rule must match what ActivityRetryHandler logs, or a
        // stalled case would stay silent.
        var rule = Assert.Single(Template.OfType("Microsoft.Insights/scheduledQueryRules"));
        var prefix = "Referral {ReferralId}: step {Activity} ";
        Assert.StartsWith(prefix, Sexting.Functions.Workflow.ActivityRetryHandler.StalledMessage, StringComparison.Ordinal);
        Assert.StartsWith(prefix, Sexting.Functions.Workflow.ActivityRetryHandler.GaveUpMessage, StringComparison.Ordinal);

        var criterion = Assert.Single(rule.At("properties.criteria.allOf")!.AsArray())!.AsObject();
        var query = (string)criterion["query"]!;
        Assert.Contains("severityLevel == 3", query, StringComparison.Ordinal);
        Assert.Contains("tostring(customDimensions.OriginalFormat) startswith \"" + prefix + "\"", query, StringComparison.Ordinal);
        Assert.Contains("ReferralId = tostring(customDimensions.ReferralId)", query, StringComparison.Ordinal);
        Assert.Equal("ReferralId", (string?)criterion["dimensions"]![0]!["name"]);
        Assert.Equal("GreaterThan", (string?)criterion["operator"]);
        Assert.Equal(0, (int)criterion["threshold"]!);
        Assert.Contains("Microsoft.Insights/components", rule.At("properties.scopes")!.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("PT1H", rule.StringAt("properties.evaluationFrequency"));
        Assert.Equal("PT2H", rule.StringAt("properties.windowSize"));

        // The action group exists only with an address to email; the rule names it only then.
        var group = Assert.Single(Template.OfType("Microsoft.Insights/actionGroups"));
        Assert.Equal("[not(empty(parameters('alertEmail')))]", group.StringAt("condition"));
        Assert.Equal("[parameters('alertEmail')]", (string?)group.At("properties.emailReceivers")![0]!["emailAddress"]);
        Assert.Equal(string.Empty, (string?)Template.Root["parameters"]!["alertEmail"]!["defaultValue"]);
    }

    [Fact]
    public void Outputs_NoSecretOrConnectionString()
    {
        var outputs = Template.Root["outputs"]!.AsObject().Select(o => o.Key).ToList();

        Assert.DoesNotContain(outputs, o => o.Contains("KEY", StringComparison.OrdinalIgnoreCase) && !o.Contains("KEY_VAULT", StringComparison.Ordinal));
        Assert.DoesNotContain(outputs, o => o.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase));
    }
}
