using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Sexting.Functions.Http;

/// <summary>
/// Contract §8 for every response, whatever answered it: <c>X-Content-Type-Options: nosniff</c>, no
/// <c>Server</c> header, and on HTTPS <c>Strict-Transport-Security</c>. Both hosts call it: the Functions
/// app from a worker middleware, the local host from its pipeline.
/// </summary>
public static class ResponseHeaders
{
    /// <summary>Two years, subdomains included: what a public police service can commit to.</summary>
    public const string StrictTransportSecurity = "max-age=63072000; includeSubDomains";

    /// <summary>Sets the headers as the response starts (after the function wrote its own).</summary>
    public static void ApplyOnStarting(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Response.OnStarting(static state =>
        {
            Apply((HttpContext)state);
            return Task.CompletedTask;
        }, context);
    }

    /// <summary>Sets the headers now.</summary>
    public static void Apply(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var headers = context.Response.Headers;
        headers[HeaderNames.XContentTypeOptions] = "nosniff";
        headers.Remove(HeaderNames.Server);
        if (IsHttps(context.Request))
        {
            headers[HeaderNames.StrictTransportSecurity] = StrictTransportSecurity;
        }
    }

    // Behind App Service's front end the worker sees plain HTTP; the front end says what the client used.
    private static bool IsHttps(HttpRequest request) =>
        request.IsHttps
        || (Intake.ClientAddress.OnAppService && string.Equals(request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase));
}
