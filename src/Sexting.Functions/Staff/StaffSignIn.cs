using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sexting.Core.Staff;

namespace Sexting.Functions.Staff;

/// <summary>
/// Reads who is signed in, only from the platform's <c>X-MS-CLIENT-PRINCIPAL</c>, and trusts it only
/// where the platform vouches for it: App Service with its authentication on, or the local host's
/// development sign-in (contract §9).
/// </summary>
public sealed class StaffSignIn(IOptions<AuthOptions> options, Func<string, string?>? environment = null)
{
    private readonly Func<string, string?> _environment = environment ?? Environment.GetEnvironmentVariable;

    /// <summary>Whether a principal header on a request can be believed at all.</summary>
    public bool Trusted => options.Value.Mode switch
    {
        AuthMode.Emulator => true,
        _ => string.Equals(_environment(AuthOptions.PlatformAuthEnabledVariable), "true", StringComparison.OrdinalIgnoreCase),
    };

    /// <summary>The signed-in person, or <c>null</c>.</summary>
    public StaffMember? Read(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Trusted ? ClientPrincipal.Decode(request.Headers[ClientPrincipal.Header].ToString()) : null;
    }
}
