using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sexting.Functions.Pages;

namespace Sexting.Functions.Pages;

/// <summary>
/// <c>GET /api/assets/{*path}</c> (contract §8, anonymous): the pages' styles and scripts, built
/// into the app (no CDN). Looked up by name among the embedded assets, never on disk, so no path
/// can reach anything else; unknown names are 404.
/// </summary>
public sealed class PageAssetsHttp(IPageAssets assets)
{
    [Function("PageAsset")]
    public IActionResult Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "assets/{*path}")] HttpRequest request,
        string? path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return assets.Serve(path);
    }
}
