using Microsoft.AspNetCore.Mvc;

namespace Sexting.Functions.Common;

/// <summary>Another result with response headers added first (such as <c>Location</c> on a page answering 202).</summary>
public sealed class HeadersResult(IActionResult inner, IReadOnlyDictionary<string, string> headers) : IActionResult
{
    public IActionResult Inner { get; } = inner;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var (name, value) in Headers)
        {
            context.HttpContext.Response.Headers[name] = value;
        }

        return Inner.ExecuteResultAsync(context);
    }
}
