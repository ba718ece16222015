using System.Text.Json.Nodes;
using Sexting.Deployment.Tests.Arm;

namespace Sexting.Deployment.Tests;

/// <summary>Every setting of contract §1 reaches the Function App, secrets only as Key Vault references.</summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AppSettingsTests(CompiledInfraFixture infra)
{
    /// <summary>
    /// Contract §1 (shared/api/referral-api.md) with `__` for `:`, plus Tables:IndexKey and Api:FunctionKey
    /// (the key the app checks for machine reads, contract §3, §8). LocalHost:FunctionKey is left out: it
    /// configures the local host only.
    /// </summary>
    public static TheoryData<string> ContractKeys() =>
    [
        "PublicBaseUrl",
        "Tables__ConnectionString",
        "Tables__IndexKey",
        "Api__FunctionKey",
        "Email__Mode",
        "Email__OutboxPath",
        "Email__From",
        "SendGrid__ApiKey",
        "SendGrid__Host",
        "Forces__DevonAndCornwall__AuthorisingManagerEmail",
        "Forces__DevonAndCornwall__EscalationEmail",
        "Forces__DevonAndCornwall__SafeguardingExpertEmail",
        "Forces__DevonAndCornwall__YouthTeamEmail",
        "Forces__DevonAndCornwall__InvestigationEmail",
        "Forces__Dorset__AuthorisingManagerEmail",
        "Forces__Dorset__EscalationEmail",
        "Forces__Dorset__SafeguardingExpertEmail",
        "Forces__Dorset__YouthTeamEmail",
        "Forces__Dorset__InvestigationEmail",
        "Approval__ReminderAfter",
        "Approval__EscalateAfter",
        "Approval__LinkLifetime",
        "Education__DueAfter",
        "Reminders__Schedule",
        "Policy__NextReviewDate",
        "Policy__OwnerEmail",
        "Assessment__SignificantAgeGapYears",
        "Intake__PermitsPerMinute",
        "Intake__TrustedReporterDomains",
        "Reporter__ConfirmWithin",
        "Retention__ClosedCaseAfter",
        "Retention__UnconfirmedAfter",
        "Retention__Schedule",
        "Auth__Mode",
        "DataProtection__KeyUri",
        "DataProtection__TimelineKey",
    ];

    private JsonObject Settings
    {
        get
        {
            var config = Assert.Single(infra.Template.OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
            return Assert.IsType<JsonObject>(config.At("properties"));
        }
    }

    [Theory]
    [MemberData(nameof(ContractKeys))]
    public void AppSettings_ContractKey_Present(string key)
    {
        Assert.True(Settings.ContainsKey(key), $"app setting {key} missing");
        Assert.False(string.IsNullOrWhiteSpace(Value(key)), $"app setting {key} is empty");
    }

    [Theory]
    [InlineData("SendGrid__ApiKey", "sendGridApiKeySecretName")]
    [InlineData("Tables__IndexKey", "tablesIndexKeySecretName")]
    [InlineData("Api__FunctionKey", "apiFunctionKeySecretName")]
    [InlineData("DataProtection__TimelineKey", "timelineKeySecretName")]
    public void AppSettings_Secret_IsKeyVaultReference(string key, string secretNameParameter)
    {
        var value = Value(key);

        Assert.StartsWith("[format('@Microsoft.KeyVault(SecretUri={0}secrets/{1}/)'", value, StringComparison.Ordinal);
        Assert.Contains($"parameters('{secretNameParameter}')", value, StringComparison.Ordinal);
    }

    [Fact]
    public void AppSettings_NoSecretValueAnywhere()
    {
        // No account key, SAS or instrumentation-key-only setting; nothing reads a secure parameter.
        foreach (var (key, node) in Settings)
        {
            var value = node?.ToString() ?? string.Empty;
            Assert.DoesNotContain("AccountKey=", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("SharedAccessSignature", value, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("listKeys", value, StringComparison.OrdinalIgnoreCase);
            Assert.False(key.Contains("ApiKey", StringComparison.Ordinal) && !value.Contains("@Microsoft.KeyVault(", StringComparison.Ordinal), key);
        }
    }

    [Fact]
    public void AppSettings_HostStorage_IdentityBased()
    {
        Assert.Equal("[parameters('storageAccountName')]", Value("AzureWebJobsStorage__accountName"));
        Assert.Equal("managedidentity", Value("AzureWebJobsStorage__credential"));
        Assert.Equal("[parameters('identityClientId')]", Value("AzureWebJobsStorage__clientId"));
        Assert.False(Settings.ContainsKey("AzureWebJobsStorage"), "a connection-string AzureWebJobsStorage would need a key");
    }

    [Fact]
    public void AppSettings_CaseStore_TableEndpointUriWithManagedIdentity()
    {
        Assert.Equal("[parameters('storageTableEndpoint')]", Value("Tables__ConnectionString"));
        Assert.Equal("[parameters('identityClientId')]", Value("AZURE_CLIENT_ID"));

        var storage = infra.Template.Modules["storage"];
        Assert.Equal(
            "[format('https://{0}.table.{1}', parameters('name'), environment().suffixes.storage)]",
            (string?)storage["outputs"]!["tableEndpoint"]!["value"]);
    }

    [Fact]
    public void AppSettings_EmailMode_SendGrid() => Assert.Equal("SendGrid", Value("Email__Mode"));

    [Fact]
    public void AppSettings_ApplicationInsights_ConnectionStringWithEntraAuthentication()
    {
        Assert.Equal("[parameters('applicationInsightsConnectionString')]", Value("APPLICATIONINSIGHTS_CONNECTION_STRING"));
        Assert.Equal("[format('ClientId={0};Authorization=AAD', parameters('identityClientId'))]", Value("APPLICATIONINSIGHTS_AUTHENTICATION_STRING"));
    }

    [Fact]
    public void AppSettings_FlexConsumption_NoLegacyRuntimeSettings()
    {
        // Flex Consumption takes the runtime from functionAppConfig and rejects these settings.
        Assert.False(Settings.ContainsKey("FUNCTIONS_WORKER_RUNTIME"));
        Assert.False(Settings.ContainsKey("FUNCTIONS_EXTENSION_VERSION"));
        Assert.False(Settings.ContainsKey("WEBSITE_RUN_FROM_PACKAGE"));
    }

    [Fact]
    public void Parameters_WorkflowDefaults_MatchContract()
    {
        var workflow = infra.Template.Root["parameters"]!["workflow"]!["defaultValue"]!;

        Assert.Equal("1.00:00:00", (string?)workflow["approvalReminderAfter"]);
        Assert.Equal("2.00:00:00", (string?)workflow["approvalEscalateAfter"]);
        Assert.Equal("7.00:00:00", (string?)workflow["approvalLinkLifetime"]);
        Assert.Equal("28.00:00:00", (string?)workflow["educationDueAfter"]);
        Assert.Equal("0 0 7 * * *", (string?)workflow["remindersSchedule"]);
        Assert.Equal("2020-03-13", (string?)workflow["policyNextReviewDate"]);
        Assert.Equal(3, (int)workflow["significantAgeGapYears"]!);
    }

    private string Value(string key) => Settings[key]?.ToString() ?? string.Empty;
}
