using System.Text.Json.Nodes;
using Sexting.Deployment.Tests.Arm;

namespace Sexting.Deployment.Tests;

/// <summary>
/// Staff sign-in (contract §9, issue 18): App Service Authentication with Microsoft Entra ID, read
/// from the compiled ARM template. Anonymous requests pass through (the app decides per route), the
/// registration comes from azd parameters, no client secret exists anywhere.
/// </summary>
[Collection(CompiledInfraCollection.Name)]
public sealed class AuthSettingsTests(CompiledInfraFixture infra)
{
    private ArmResource Auth => Assert.Single(
        infra.Template.OfType("Microsoft.Web/sites/config"),
        r => r.Name.Contains("'authsettingsV2'", StringComparison.Ordinal));

    private JsonObject FunctionAppVariables => infra.Template.Modules["functionapp"]["variables"]!.AsObject();

    private JsonObject AppSettings => Assert.IsType<JsonObject>(Assert.Single(
        infra.Template.OfType("Microsoft.Web/sites/config"),
        r => r.Name.Contains("'appsettings'", StringComparison.Ordinal)).At("properties"));

    [Fact]
    public void Auth_UnauthenticatedRequests_AllowedThrough()
    {
        // The school form, intake and reporter confirmation stay anonymous; the app answers 401/302/403.
        Assert.Equal("AllowAnonymous", Auth.StringAt("properties.globalValidation.unauthenticatedClientAction"));
        Assert.False(Auth.BoolAt("properties.globalValidation.requireAuthentication"));
        Assert.Equal("azureactivedirectory", Auth.StringAt("properties.globalValidation.redirectToProvider"));
        Assert.Equal("/.auth", Auth.StringAt("properties.httpSettings.routes.apiPrefix"));
    }

    [Fact]
    public void Auth_RequireHttps_True() => Assert.True(Auth.BoolAt("properties.httpSettings.requireHttps"));

    [Theory]
    [InlineData("6f1c2a8e-0b7d-4c55-9a13-2e4f8d9b7c01", true)]
    [InlineData("", false)]
    public void Auth_PlatformAndProvider_OnExactlyWhenAClientIdIsGiven(string clientId, bool expected)
    {
        // Platform and provider share one switch; without an app registration nobody can sign in,
        // the platform sets no WEBSITE_AUTH_ENABLED, and the app trusts no principal header.
        Assert.Equal("[variables('authEnabled')]", Auth.StringAt("properties.platform.enabled"));
        Assert.Equal("[variables('authEnabled')]", Auth.StringAt("properties.identityProviders.azureActiveDirectory.enabled"));
        var scope = new ArmScope(
            name => name == "authClientId" ? JsonValue.Create(clientId) : throw new KeyNotFoundException(name),
            name => throw new KeyNotFoundException(name),
            name => throw new KeyNotFoundException(name));

        Assert.Equal(expected, (bool)ArmExpression.Evaluate(FunctionAppVariables["authEnabled"], scope)!);
    }

    [Fact]
    public void Auth_EntraProvider_ClientIdAndSingleTenantIssuerFromParameters()
    {
        Assert.Equal("[parameters('authClientId')]", Auth.StringAt("properties.identityProviders.azureActiveDirectory.registration.clientId"));
        // https://login.microsoftonline.com/<tenant>/v2.0 in the public cloud, the sovereign clouds' own login host elsewhere.
        Assert.Equal(
            "[format('{0}{1}/v2.0', environment().authentication.loginEndpoint, variables('authTenant'))]",
            Auth.StringAt("properties.identityProviders.azureActiveDirectory.registration.openIdIssuer"));
        Assert.Equal("[if(empty(parameters('authTenantId')), tenant().tenantId, parameters('authTenantId'))]", (string?)FunctionAppVariables["authTenant"]);

        var module = Assert.Single(infra.Template.OfType("Microsoft.Resources/deployments"), r => r.Name == "functionapp");
        Assert.Equal("[parameters('authClientId')]", module.StringAt("properties.parameters.authClientId.value"));
        Assert.Equal("[parameters('authTenantId')]", module.StringAt("properties.parameters.authTenantId.value"));
        var main = infra.Template.Root["parameters"]!;
        Assert.Equal(string.Empty, (string?)main["authClientId"]!["defaultValue"]);
        Assert.Equal(string.Empty, (string?)main["authTenantId"]!["defaultValue"]);
    }

    [Fact]
    public void Auth_NoClientSecret_ManagedIdentityAssertionInstead()
    {
        // clientSecretSettingName names the app setting that holds the user-assigned identity's
        // client id: Easy Auth then signs its token requests with that identity (federated identity
        // credential on the registration) and no MICROSOFT_PROVIDER_AUTHENTICATION_SECRET exists.
        Assert.Equal("[variables('authClientAssertionSettingName')]", Auth.StringAt("properties.identityProviders.azureActiveDirectory.registration.clientSecretSettingName"));
        Assert.Equal("OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID", (string?)FunctionAppVariables["authClientAssertionSettingName"]);
        Assert.Equal("[parameters('identityClientId')]", AppSettings["OVERRIDE_USE_MI_FIC_ASSERTION_CLIENTID"]?.ToString());
        Assert.False(AppSettings.ContainsKey("MICROSOFT_PROVIDER_AUTHENTICATION_SECRET"));
    }

    [Fact]
    public void Auth_TokenStore_Off_SessionCookieForAShift()
    {
        Assert.False(Auth.BoolAt("properties.login.tokenStore.enabled"));
        Assert.Equal("FixedTime", Auth.StringAt("properties.login.cookieExpiration.convention"));
        Assert.Equal("08:00:00", Auth.StringAt("properties.login.cookieExpiration.timeToExpiration"));
        Assert.True(Auth.BoolAt("properties.login.nonce.validateNonce"));
        Assert.Empty(Assert.IsType<JsonArray>(Auth.At("properties.login.allowedExternalRedirectUrls")));
    }

    [Fact]
    public void AppSettings_AuthMode_AppService() => Assert.Equal("AppService", AppSettings["Auth__Mode"]?.ToString());

    [Theory]
    [InlineData("SERVICE_API_IDENTITY_PRINCIPAL_ID", "[reference('identity').outputs.principalId.value]")]
    [InlineData("AUTH_ENABLED", "[not(empty(parameters('authClientId')))]")]
    public void Outputs_ForTheAppRegistrationScript(string name, string expected) =>
        Assert.Equal(expected, (string?)infra.Template.Root["outputs"]![name]!["value"]);
}
