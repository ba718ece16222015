using Microsoft.AspNetCore.Http;

namespace Sexting.Functions.Staff;

/// <summary>
/// Whether a state-changing request came from a page of another site (contract §5, §10: a POST whose
/// <c>Origin</c>, or without it <c>Sec-Fetch-Site</c>, shows another site answers 403). A request with
/// neither header (a script, a machine) is not a browser's cross-site request.
/// </summary>
public static class RequestOrigin
{
    public static bool IsCrossSite(HttpRequest request, Uri? publicBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(request);
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
            {
                return true; // "null" (a sandboxed frame, a file) or something stranger
            }

            var own = request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var self) ? self : null;
            return !(own is not null && SameOrigin(from, own)) && !(publicBaseUrl is not null && SameOrigin(from, publicBaseUrl));
        }

        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
