using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sexting.Functions.Pages;

/// <summary>
/// The headers every page carries (issue 7): a Content-Security-Policy that allows only the
/// app's own styles, scripts and form targets (no inline script or style, no framing), no
/// MIME sniffing, no referrer (a decision link's token must not leak), and no caching of
/// pages that show case data.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The Content-Security-Policy of every page.</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self'; font-src 'self'; "
        + "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

    /// <summary>Sets the headers on <paramref name="response"/>.</summary>
    /// <param name="response">The response.</param>
    /// <param name="noStore">Whether the page must not be cached (it shows case or form data).</param>
    public static void Apply(HttpResponse response, bool noStore = true)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = response.Headers;
        headers[HeaderNames.ContentSecurityPolicy] = ContentSecurityPolicy;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers[HeaderNames.XFrameOptions] = "DENY";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        if (noStore)
        {
            headers[HeaderNames.CacheControl] = "no-store";
        }
    }
}
