using System.Text.RegularExpressions;

namespace Sexting.Functions.Telemetry;

/// <summary>
/// Link tokens travel in URL paths (contract §5, §11: <c>/api/approvals/{token}</c>) and function keys
/// may travel in the <c>code</c> query parameter; whoever holds either can act. This replaces both in
/// any text that telemetry or a log line is about to record, so request URLs, dependency targets and
/// messages keep the route and lose the secret.
/// </summary>
internal static partial class SecretPathRedaction
{
    /// <summary>What stands where a token was.</summary>
    public const string TokenPlaceholder = "{token}";

    /// <summary>What stands where a function key was.</summary>
    public const string KeyPlaceholder = "{redacted}";

    /// <summary>The text with every link token and function key replaced; <c>null</c> stays <c>null</c>.</summary>
    public static string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text) || (!text.Contains("/api/", StringComparison.OrdinalIgnoreCase) && !text.Contains("code=", StringComparison.OrdinalIgnoreCase)))
        {
            return text; // the common case, without a regular expression
        }

        var redacted = TokenPath().Replace(text, "$1" + TokenPlaceholder);
        return FunctionKey().Replace(redacted, "$1" + KeyPlaceholder);
    }

    /// <summary>A link route's segment after its prefix, up to the next delimiter (the token's alphabet is base64url and '.').</summary>
    [GeneratedRegex(@"(/api/(?:approvals|education|confirmations)/)[^/?#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TokenPath();

    [GeneratedRegex(@"([?&]code=)[^&#\s""'<>]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FunctionKey();
}
