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
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        // Pages here send Referrer-Policy: no-referrer, under which browsers send "Origin: null" on
        // form posts; Sec-Fetch-Site then says where the post came from.
        if (origin == "null" && site.Length > 0)
        {
            origin = string.Empty;
        }

        if (origin.Length > 0)
        {
            if (!Uri.TryCreate(origin, UriKind.Absolute, out var from))
            {
                return true; // "null" without Sec-Fetch-Site (a sandboxed frame, a file) or something stranger
            }

            var own = request.Host.HasValue && Uri.TryCreate($"{request.Scheme}://{request.Host.Value}", UriKind.Absolute, out var self) ? self : null;
            return !(own is not null && SameOrigin(from, own)) && !(publicBaseUrl is not null && SameOrigin(from, publicBaseUrl));
        }

        return site.Equals("cross-site", StringComparison.OrdinalIgnoreCase) || site.Equals("same-site", StringComparison.OrdinalIgnoreCase);
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.Host, b.Host, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
