using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Sexting.Functions.Pages;

/// <summary>An HTML page as an HTTP answer: UTF-8, the status given, and <see cref="SecurityHeaders"/>.</summary>
public sealed class HtmlPageResult(string html, int statusCode = StatusCodes.Status200OK) : IActionResult
{
    /// <summary>The page.</summary>
    public string Html { get; } = html;

    /// <summary>The HTTP status.</summary>
    public int StatusCode { get; } = statusCode;

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        SecurityHeaders.Apply(response);
        response.StatusCode = StatusCode;
        response.ContentType = "text/html; charset=utf-8";
        var bytes = Encoding.UTF8.GetBytes(Html);
        response.ContentLength = bytes.Length;
        await response.Body.WriteAsync(bytes, context.HttpContext.RequestAborted).ConfigureAwait(false);
    }
}
