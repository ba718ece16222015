namespace Sexting.Functions.Telemetry;

/// <summary>
/// Reads <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c>, the setting the Functions host uses to send
/// telemetry with Microsoft Entra ID (<c>ClientId=&lt;user-assigned identity&gt;;Authorization=AAD</c>),
/// so the worker's own telemetry signs in the same way.
/// </summary>
internal static class EntraIngestion
{
    public const string SettingName = "APPLICATIONINSIGHTS_AUTHENTICATION_STRING";

    /// <summary>
    /// <c>null</c> when the setting does not ask for Entra ID; otherwise the user-assigned identity's
    /// client id, or empty for the system-assigned identity.
    /// </summary>
    public static string? ClientIdOf(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return null;
        }

        var parts = setting.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(p => p.Split('=', 2, StringSplitOptions.TrimEntries))
            .Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => p[1], StringComparer.OrdinalIgnoreCase);
        return parts.TryGetValue("Authorization", out var kind) && string.Equals(kind, "AAD", StringComparison.OrdinalIgnoreCase)
            ? parts.GetValueOrDefault("ClientId") ?? string.Empty
            : null;
    }
}
