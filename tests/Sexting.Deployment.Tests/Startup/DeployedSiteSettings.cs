using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Sexting.Deployment.Tests.Arm;

namespace Sexting.Deployment.Tests.Startup;

/// <summary>
/// The app settings the Function App gets from <c>azd up</c>: the compiled Bicep's appsettings
/// resource, evaluated with infra/main.parameters.json as azd fills it in (its <c>${VAR=default}</c>
/// defaults, the environment variables a new user sets), module outputs of the shape Azure returns,
/// and Key Vault references resolved to secrets of the shape azd generates. Every endpoint that the
/// worker could call is on loopback, so starting it sends nothing off this machine.
/// </summary>
internal static partial class DeployedSiteSettings
{
    /// <summary>azd's <c>$(secretOrRandomPassword …)</c>: 15 characters, 5 lower, 5 upper, 5 digits.</summary>
    public const string AzdGeneratedSecret = "qhtzbKXRPM83615";

    /// <summary>A SendGrid API key of the shape SendGrid issues (fictional).</summary>
    public const string SendGridApiKey = "SG.Zm9yLXRlc3RzLW9ubHkx.ZmljdGlvbmFsLWtleS1mb3ItdGhlLXN0YXJ0LXVwLXRlc3Qx";

    private const string ResourceToken = "x7k2q9m4b1c3d";

    /// <summary>
    /// The settings, with unresolved Key Vault references replaced by <paramref name="resolveSecret"/>
    /// (secret name → value; return the reference itself to model one App Service could not resolve).
    /// </summary>
    public static DeployedSite Resolve(ArmTemplate template, int loopbackPort, Func<string, string, string> resolveSecret)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(resolveSecret);
        var main = template.Root;
        var mainParameters = MainParameters(main);
        var outputs = AzureOutputs(loopbackPort);
        ArmScope? mainScope = null;
        JsonNode? MainVariable(string name) => name == "resourceToken"
            ? JsonValue.Create(ResourceToken)
            : ArmExpression.Evaluate(main["variables"]![name], mainScope!);
        mainScope = new ArmScope(
            n => mainParameters[n]?.DeepClone(),
            MainVariable,
            symbol => new JsonObject
            {
                ["outputs"] = new JsonObject(outputs[symbol].Select(o => KeyValuePair.Create(o.Key, (JsonNode?)new JsonObject { ["value"] = o.Value?.DeepClone() }))),
            });

        var settingsResource = Assert.Single(template.OfType("Microsoft.Web/sites/config"), r => r.Name.Contains("'appsettings'", StringComparison.Ordinal));
        var moduleTemplate = template.Modules[settingsResource.Module];
        var moduleDeployment = Assert.Single(template.OfType("Microsoft.Resources/deployments"), r => r.Name == settingsResource.Module);
        var moduleParameters = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, declaration) in moduleTemplate["parameters"]!.AsObject())
        {
            var given = moduleDeployment.Body["properties"]!["parameters"]![name]?["value"];
            moduleParameters[name] = given is not null ? ArmExpression.Evaluate(given, mainScope) : declaration!["defaultValue"]?.DeepClone();
        }

        var siteName = moduleParameters["name"]!.GetValue<string>();
        ArmScope? moduleScope = null;
        moduleScope = new ArmScope(
            n => moduleParameters[n]?.DeepClone(),
            n => ArmExpression.Evaluate(moduleTemplate["variables"]![n], moduleScope!),
            symbol => symbol == "site"
                ? new JsonObject { ["defaultHostName"] = $"{siteName}.azurewebsites.net" }
                : throw new NotSupportedException($"reference('{symbol}') in the app settings is not modelled here."));

        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in settingsResource.Body["properties"]!.AsObject())
        {
            var text = ArmExpression.AsSettingText(ArmExpression.Evaluate(value, moduleScope));
            settings[key] = KeyVaultSecretName().Match(text) is { Success: true } reference ? resolveSecret(reference.Groups[1].Value, text) : text;
        }

        return new DeployedSite(siteName, settings);
    }

    /// <summary>What the Functions platform itself sets for the worker (App Service and Flex Consumption).</summary>
    public static Dictionary<string, string> PlatformEnvironment(string siteName, string appDirectory, int loopbackPort) => new(StringComparer.Ordinal)
    {
        ["FUNCTIONS_WORKER_RUNTIME"] = "dotnet-isolated",
        ["FUNCTIONS_EXTENSION_VERSION"] = "~4",
        ["AzureWebJobsScriptRoot"] = appDirectory,
        ["WEBSITE_SITE_NAME"] = siteName,
        ["WEBSITE_HOSTNAME"] = siteName + ".azurewebsites.net",
        ["WEBSITE_SKU"] = "FlexConsumption",
        // App Service Authentication is on (AUTH_CLIENT_ID is set above): the platform says so with this.
        ["WEBSITE_AUTH_ENABLED"] = "True",
        // The managed identity endpoint App Service gives every site, here a closed loopback port.
        ["IDENTITY_ENDPOINT"] = $"http://127.0.0.1:{loopbackPort}/msi/token",
        ["IDENTITY_HEADER"] = "stub-identity-header",
        // Belt and braces: any HTTP call to an address the settings did not foresee goes to a closed
        // loopback port, never off this machine.
        ["HTTP_PROXY"] = $"http://127.0.0.1:{loopbackPort}",
        ["HTTPS_PROXY"] = $"http://127.0.0.1:{loopbackPort}",
        ["NO_PROXY"] = "127.0.0.1,localhost",
    };

    private static Dictionary<string, JsonNode?> MainParameters(JsonObject main)
    {
        // What a new user has set before `azd up` (README, docs/deploy.md): fictional .example values.
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AZURE_ENV_NAME"] = "sa028-test",
            ["AZURE_LOCATION"] = "uksouth",
            ["AZURE_PRINCIPAL_ID"] = "00000000-0000-0000-0000-0000000000aa",
            ["AZURE_KEY_VAULT_NAME"] = "kv-" + ResourceToken,
            ["EMAIL_FROM"] = "no-reply@ypsi.police.example",
            ["SENDGRID_API_KEY"] = SendGridApiKey,
            ["POLICY_OWNER_EMAIL"] = "prevention@alliance.police.example",
            // The staff sign-in app registration (infra/scripts/create-app-registration.sh); the tenant is left to default.
            ["AUTH_CLIENT_ID"] = "6f1c2a8e-0b7d-4c55-9a13-2e4f8d9b7c01",
        };
        foreach (var (prefix, force) in new[] { ("DC", "dc"), ("DORSET", "dorset") })
        {
            foreach (var mailbox in new[] { "AUTHORISING_MANAGER", "ESCALATION", "SAFEGUARDING_EXPERT", "YOUTH_TEAM", "INVESTIGATION" })
            {
                environment[$"{prefix}_{mailbox}_EMAIL"] = $"{force}-{mailbox.ToLowerInvariant().Replace('_', '-')}@police.example";
            }
        }
        var file = JsonNode.Parse(File.ReadAllText(RepoPaths.Infra("main.parameters.json")))!["parameters"]!.AsObject();
        var values = new Dictionary<string, JsonNode?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, declaration) in main["parameters"]!.AsObject())
        {
            var given = file[name]?["value"] is { } v ? Substitute(v, environment) : null;
            values[name] = given is JsonValue s && s.TryGetValue<string>(out var text) && text.Length == 0 && declaration!["defaultValue"] is { } fallback
                ? fallback.DeepClone()
                : given ?? declaration!["defaultValue"]?.DeepClone();
        }

        return values;
    }

    /// <summary>azd's substitution of a parameters file: <c>${VAR}</c>, <c>${VAR=default}</c>, <c>$(secretOrRandomPassword …)</c>.</summary>
    private static JsonNode? Substitute(JsonNode node, Dictionary<string, string> environment) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Substitute(p.Value, environment)))),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(
            AzdFunction().Replace(
                AzdVariable().Replace(s, m => environment.TryGetValue(m.Groups[1].Value, out var value) ? value : m.Groups[3].Value),
                AzdGeneratedSecret)),
        _ => node.DeepClone(),
    };

    /// <summary>Module outputs as Azure returns them, every endpoint on loopback.</summary>
    private static Dictionary<string, Dictionary<string, JsonNode?>> AzureOutputs(int port) => new(StringComparer.Ordinal)
    {
        ["identity"] = new()
        {
            ["id"] = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-sa028-test/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-" + ResourceToken,
            ["clientId"] = "11111111-2222-3333-4444-555555555555",
            ["principalId"] = "66666666-7777-8888-9999-000000000000",
        },
        ["storage"] = new()
        {
            ["name"] = "st" + ResourceToken,
            ["blobEndpoint"] = $"http://127.0.0.1:{port}/blob/",
            ["queueEndpoint"] = $"http://127.0.0.1:{port}/queue/",
            // An https endpoint, as in Azure: the store then signs in with the managed identity.
            ["tableEndpoint"] = $"https://127.0.0.1:{port}/table",
        },
        ["monitoring"] = new()
        {
            ["connectionString"] = $"InstrumentationKey=00000000-0000-0000-0000-0000000000ab;IngestionEndpoint=http://127.0.0.1:{port}/;LiveEndpoint=http://127.0.0.1:{port}/;ApplicationId=00000000-0000-0000-0000-0000000000ac",
            ["name"] = "appi-" + ResourceToken,
        },
        ["keyVault"] = new()
        {
            ["vaultUri"] = $"https://kv-{ResourceToken}.vault.azure.net/",
            ["name"] = "kv-" + ResourceToken,
        },
    };

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)(=([^}]*))?\}")]
    private static partial Regex AzdVariable();

    [GeneratedRegex(@"\$\([a-zA-Z]+ [^)]*\)")]
    private static partial Regex AzdFunction();

    [GeneratedRegex(@"^@Microsoft\.KeyVault\(SecretUri=https://[^/]+/secrets/([^/]+)/?\)$")]
    private static partial Regex KeyVaultSecretName();
}

/// <summary>The Function App's name and its app settings.</summary>
internal sealed record DeployedSite(string Name, Dictionary<string, string> Settings);
