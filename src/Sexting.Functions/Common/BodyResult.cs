using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sexting.Functions.Common;

/// <summary>
/// A response written straight to the <see cref="HttpResponse"/>: status, content type, headers
/// and body. Needs no MVC services, so the Functions host, the local host and a bare
/// <see cref="DefaultHttpContext"/> in a test all execute it the same way.
/// </summary>
public sealed class BodyResult(int statusCode, string? contentType, string? body, IReadOnlyDictionary<string, string>? headers = null) : IActionResult
{
    public int StatusCode { get; } = statusCode;

    public string? ContentType { get; } = contentType;

    public string? Body { get; } = body;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers ?? new Dictionary<string, string>();

    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        response.StatusCode = StatusCode;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        // Pages and answers about a case must not sit in shared caches.
        response.Headers.CacheControl = "no-store";
        if (Body is null)
        {
            return;
        }

        response.ContentType = ContentType;
        var bytes = Encoding.UTF8.GetBytes(Body);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
