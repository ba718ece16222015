namespace Sexting.Functions.Staff;

/// <summary>Where the signed-in member of staff comes from (contract §1 <c>Auth:Mode</c>, §9).</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>
    /// Set by App Service when its authentication is on for the site ("True"); only then does the
    /// platform strip client-sent <c>X-MS-CLIENT-PRINCIPAL</c> headers, so only then is one trusted.
    /// </summary>
    public const string PlatformAuthEnabledVariable = "WEBSITE_AUTH_ENABLED";

    /// <summary><see cref="AuthMode.AppService"/> for the Functions app; the local host sets <see cref="AuthMode.Emulator"/>.</summary>
    public AuthMode Mode { get; set; } = AuthMode.AppService;
}

/// <summary>The two sources of the signed-in person.</summary>
public enum AuthMode
{
    /// <summary>App Service Authentication with Microsoft Entra ID, in Azure.</summary>
    AppService,

    /// <summary>The local host's development sign-in, which strips client-sent principal headers itself.</summary>
    Emulator,
}
