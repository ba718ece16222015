using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Sexting.Functions.Pages;

namespace Sexting.Functions.Tests.Pages;

public sealed class SecurityHeadersTests
{
    internal static async Task<HttpContext> ExecuteAsync(IActionResult result, Action<HttpRequest>? request = null)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();
        request?.Invoke(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return context;
    }

    [Fact]
    public async Task HtmlPageResult_AnyPage_SetsSecurityHeadersTypeAndStatus()
    {
        var context = await ExecuteAsync(new HtmlPageResult("<p>x</p>", 410));
        var headers = context.Response.Headers;

        Assert.Equal(410, context.Response.StatusCode);
        Assert.Equal("text/html; charset=utf-8", context.Response.ContentType);
        var csp = headers.ContentSecurityPolicy.ToString();
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("style-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("form-action 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("base-uri 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", headers.XContentTypeOptions.ToString());
        Assert.Equal("no-referrer", headers["Referrer-Policy"].ToString());
        Assert.Equal("DENY", headers.XFrameOptions.ToString());
        Assert.Equal("no-store", headers.CacheControl.ToString());
        Assert.Equal("<p>x</p>", System.Text.Encoding.UTF8.GetString(((MemoryStream)context.Response.Body).ToArray()));
    }
}
