using System.Text.RegularExpressions;

namespace Sexting.Core.Referrals;

/// <summary>
/// §3.2.3: nobody may copy the imagery, so the product never accepts it. A text field that holds
/// a <c>data:</c> URI or a long unbroken base64 run (how an image travels inside JSON or a form)
/// is refused.
/// </summary>
public static partial class ImageryDetector
{
    /// <summary>The shortest base64 run refused. No sentence, name or address is this long without a space;
    /// the smallest useful image encodes to far more.</summary>
    public const int MinBase64Run = 200;

    /// <summary>Whether <paramref name="text"/> looks like it carries encoded imagery.</summary>
    public static bool LooksLikeImagery(string text) =>
        !string.IsNullOrEmpty(text) && (DataUri().IsMatch(text) || Base64Run().IsMatch(text));

    [GeneratedRegex(@"data:\s*[a-z0-9.+-]+/[a-z0-9.+-]+\s*[;,]|data:\s*;?\s*base64", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DataUri();

    [GeneratedRegex(@"[A-Za-z0-9+/_-]{200,}", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Base64Run();
}
