namespace Sexting.Infrastructure.Configuration;

/// <summary>
/// App Service resolves an app setting of the form <c>@Microsoft.KeyVault(SecretUri=…)</c> to the
/// secret's value; when it cannot (no access, no such secret, a typing error) it passes the reference
/// through as literal text. A secret that still reads like that was never resolved, and using it as a
/// key would fail later, quietly (SendGrid answers 401, which is not retried) or dangerously (a known
/// text as an HMAC key). Start-up refuses it instead.
/// </summary>
public static class KeyVaultReference
{
    private const string Prefix = "@Microsoft.KeyVault(";

    /// <summary>Whether the value is a Key Vault reference that the platform did not resolve.</summary>
    public static bool IsUnresolved(string? value) =>
        value is not null && value.TrimStart().StartsWith(Prefix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The start-up message for a setting whose value is an unresolved reference.</summary>
    public static string UnresolvedMessage(string key) =>
        $"{key} is an unresolved Key Vault reference: App Service passes '@Microsoft.KeyVault(...)' through as text " +
        "when it cannot read the secret. Check that the secret exists and that the app's identity may read it " +
        "(Key Vault Secrets User), then restart the app (docs/deploy.md).";
}
