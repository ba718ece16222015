using Microsoft.AspNetCore.Mvc;

namespace Sexting.Functions.Pages;

/// <summary>The pages' static files (styles, scripts), served under <c>/api/assets/</c> (contract §8).</summary>
public interface IPageAssets
{
    /// <summary>The URL a page uses for an asset: its content-hashed name, so it can be cached for a year.</summary>
    /// <param name="name">The asset's plain name, such as <c>pages.css</c>.</param>
    string UrlOf(string name);

    /// <summary>The asset at <paramref name="path"/> (plain or hashed name), or null.</summary>
    PageAsset? Find(string? path);

    /// <summary>The HTTP answer for <c>GET /api/assets/{path}</c>: the asset, a 304, or a 404.</summary>
    IActionResult Serve(string? path);
}
