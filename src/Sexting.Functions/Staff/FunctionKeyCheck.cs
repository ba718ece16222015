using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sexting.Infrastructure.Configuration;

namespace Sexting.Functions.Staff;

/// <summary>
/// Checks a request's function key as Azure takes it: the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter. With no key configured (or one still an unresolved Key Vault
/// reference) no presented key is accepted.
/// </summary>
public sealed class FunctionKeyCheck(IOptionsMonitor<FunctionKeyOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    /// <summary>Whether the request presents a key at all (right or wrong).</summary>
    public static bool Presents(HttpRequest request) => !string.IsNullOrEmpty(Presented(request));

    /// <summary>Whether the request presents the configured key.</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = options.CurrentValue.FunctionKey;
        if (string.IsNullOrEmpty(expected) || KeyVaultReference.IsUnresolved(expected))
        {
            return false;
        }

        var presented = Presented(request);

        // Hash both sides so the comparison takes the same time whatever the length presented.
        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
                SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }

    private static string? Presented(HttpRequest request)
    {
        string? presented = request.Headers[HeaderName];
        return string.IsNullOrEmpty(presented) ? request.Query[QueryName] : presented;
    }
}
