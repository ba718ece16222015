using System.Text.Json.Nodes;

namespace Sexting.Deployment.Tests;

/// <summary>infra/main.parameters.json (what azd feeds main.bicep) matches the compiled template.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class ParametersFileTests(CompiledInfraFixture infra)
{
    private static readonly JsonObject File =
        JsonNode.Parse(System.IO.File.ReadAllText(RepoPaths.Infra("main.parameters.json")))!["parameters"]!.AsObject();

    private JsonObject Declared => infra.Template.Root["parameters"]!.AsObject();

    [Fact]
    public void ParametersFile_EveryEntry_IsDeclared()
    {
        Assert.All(File.Select(p => p.Key), name => Assert.True(Declared.ContainsKey(name), $"{name} is not a parameter of main.bicep"));
    }

    [Fact]
    public void ParametersFile_EveryRequiredParameter_Supplied()
    {
        var required = Declared.Where(p => !p.Value!.AsObject().ContainsKey("defaultValue")).Select(p => p.Key);

        Assert.All(required, name => Assert.True(File.ContainsKey(name), $"required parameter {name} is not in main.parameters.json"));
    }

    [Theory]
    [InlineData("sendGridApiKey", "${SENDGRID_API_KEY}")]
    [InlineData("tablesIndexKey", "$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} Tables--IndexKey)")]
    [InlineData("apiFunctionKey", "$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} Api--FunctionKey)")]
    [InlineData("timelineKey", "$(secretOrRandomPassword ${AZURE_KEY_VAULT_NAME} DataProtection--TimelineKey)")]
    public void ParametersFile_Secrets_ComeFromTheEnvironmentOrKeyVault(string name, string expected)
    {
        // Never a literal secret in the repository; the index key is read back from Key Vault so
        // it stays the same on every provision.
        Assert.Equal(expected, (string?)File[name]!["value"]);
        Assert.Equal("securestring", (string?)Declared[name]!["type"]);
    }

    [Fact]
    public void ParametersFile_KeyVaultNameOutput_MatchesSecretOrRandomPassword()
    {
        Assert.True(infra.Template.Root["outputs"]!.AsObject().ContainsKey("AZURE_KEY_VAULT_NAME"));
        var secretName = (string?)infra.Template.Root["variables"]!["tablesIndexKeySecretName"];
        Assert.Equal("Tables--IndexKey", secretName);
    }

    [Theory]
    [InlineData("authClientId", "${AUTH_CLIENT_ID}")]
    [InlineData("authTenantId", "${AUTH_TENANT_ID}")]
    public void ParametersFile_StaffSignIn_FromTheEnvironment(string name, string expected)
    {
        // Empty AUTH_TENANT_ID means the subscription's tenant (main.bicep falls back to tenant());
        // empty AUTH_CLIENT_ID deploys sign-in switched off (docs/deploy.md, "Staff sign-in").
        Assert.Equal(expected, (string?)File[name]!["value"]);
        Assert.Equal("string", (string?)Declared[name]!["type"]);
    }

    [Fact]
    public void ParametersFile_AlertEmail_FromTheEnvironment()
    {
        // docs/deploy.md: ALERT_EMAIL is who hears of a stalled case; empty deploys the alert rule alone.
        Assert.Equal("${ALERT_EMAIL}", (string?)File["alertEmail"]!["value"]);
        Assert.Equal("string", (string?)Declared["alertEmail"]!["type"]);
    }

    [Theory]
    [InlineData("devonAndCornwall")]
    [InlineData("dorset")]
    public void ParametersFile_ForceMailboxes_AllFiveFromEnvironment(string force)
    {
        var value = File[force]!["value"]!.AsObject();

        Assert.Equal(
            ["authorisingManagerEmail", "escalationEmail", "investigationEmail", "safeguardingExpertEmail", "youthTeamEmail"],
            value.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.All(value, p => Assert.StartsWith("${", (string?)p.Value, StringComparison.Ordinal));
    }
}
