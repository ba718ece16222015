using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Sexting.LocalHost.Http;

/// <summary>
/// Checks a request's function key as Azure takes it: the <c>x-functions-key</c> header or the
/// <c>code</c> query parameter. No key configured means no key needed.
/// </summary>
public sealed class FunctionKeyCheck(IOptionsMonitor<LocalHostOptions> options)
{
    public const string HeaderName = "x-functions-key";
    public const string QueryName = "code";

    public bool IsAuthorized(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var expected = options.CurrentValue.FunctionKey;
        if (string.IsNullOrEmpty(expected))
        {
            return true;
        }

        string? presented = request.Headers[HeaderName];
        if (string.IsNullOrEmpty(presented))
        {
            presented = request.Query[QueryName];
        }

        // Hash both sides so the comparison takes the same time whatever the length presented.
        return !string.IsNullOrEmpty(presented)
            && CryptographicOperations.FixedTimeEquals(
                SHA256.HashData(Encoding.UTF8.GetBytes(presented)),
                SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
