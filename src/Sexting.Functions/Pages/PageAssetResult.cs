using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;

namespace Sexting.Functions.Pages;

/// <summary>Writes a page asset with its content type, ETag and cache lifetime; a 304 when the ETag matches; a 404 for none.</summary>
public sealed class PageAssetResult(PageAsset? asset, bool immutable) : IActionResult
{
    /// <summary>A year: the longest lifetime caches honour, for content-hashed names.</summary>
    public const string ImmutableCacheControl = "public, max-age=31536000, immutable";

    /// <summary>For plain names: cached, but revalidated by ETag before each use.</summary>
    public const string RevalidateCacheControl = "public, max-age=0, must-revalidate";

    /// <inheritdoc />
    public async Task ExecuteResultAsync(ActionContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var response = context.HttpContext.Response;
        // The same headers as every page (issue 7), but cacheable: assets carry no case data.
        SecurityHeaders.Apply(response, noStore: false);
        if (asset is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        response.Headers[HeaderNames.CacheControl] = immutable ? ImmutableCacheControl : RevalidateCacheControl;
        response.Headers[HeaderNames.ETag] = asset.ETag;
        var ifNoneMatch = context.HttpContext.Request.Headers[HeaderNames.IfNoneMatch];
        if (ifNoneMatch.Any(v => v is not null && (v == "*" || v.Split(',').Select(t => t.Trim()).Contains(asset.ETag, StringComparer.Ordinal))))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = asset.Content.Length;
        if (!HttpMethods.IsHead(context.HttpContext.Request.Method))
        {
            await response.Body.WriteAsync(asset.Content, context.HttpContext.RequestAborted).ConfigureAwait(false);
        }
    }
}
