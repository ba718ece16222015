using System.Collections.Frozen;
using System.Reflection;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;

namespace Sexting.Functions.Pages;

/// <summary>
/// Serves the assets embedded at build (Sexting.Infrastructure.PageAssets.targets). Pages link
/// to content-hashed names (<c>pages.3f2b8c1e5a.css</c>), answered with a year's immutable
/// cache; the plain name still answers, revalidated by ETag, because an ES module imports its
/// neighbours by plain relative name.
/// </summary>
public sealed class PageAssets : IPageAssets
{
    /// <summary>The route prefix of every asset URL (contract §8).</summary>
    public const string BasePath = "/api/assets/";

    private const string ResourcePrefix = "Sexting.Pages.Assets/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private readonly FrozenDictionary<string, PageAsset> _byName;
    private readonly FrozenDictionary<string, PageAsset> _byHashedName;

    /// <summary>Loads the assets embedded in this assembly.</summary>
    public PageAssets()
        : this(typeof(PageAssets).Assembly)
    {
    }

    internal PageAssets(Assembly assembly)
    {
        var assets = new List<PageAsset>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var name = resource[ResourcePrefix.Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            var extension = Path.GetExtension(name);
            var hashedName = name[..^extension.Length] + "." + hash + extension;
            var contentType = ContentTypes.GetValueOrDefault(extension, "application/octet-stream");
            assets.Add(new PageAsset(name, hashedName, contentType, content, "\"" + hash + "\""));
        }

        _byName = assets.ToFrozenDictionary(a => a.Name, StringComparer.Ordinal);
        _byHashedName = assets.ToFrozenDictionary(a => a.HashedName, StringComparer.Ordinal);
    }

    /// <summary>The plain names of every asset.</summary>
    public IEnumerable<string> Names => _byName.Keys;

    /// <inheritdoc />
    public string UrlOf(string name) =>
        _byName.TryGetValue(name, out var asset)
            ? BasePath + asset.HashedName
            : throw new ArgumentException($"No page asset named '{name}'.", nameof(name));

    /// <inheritdoc />
    public PageAsset? Find(string? path)
    {
        if (string.IsNullOrEmpty(path))
        {
            return null;
        }

        var name = path.StartsWith(BasePath, StringComparison.Ordinal) ? path[BasePath.Length..] : path.TrimStart('/');
        return _byHashedName.GetValueOrDefault(name) ?? _byName.GetValueOrDefault(name);
    }

    /// <inheritdoc />
    public IActionResult Serve(string? path) =>
        Find(path) is { } asset ? new PageAssetResult(asset, immutable: IsHashed(asset, path!)) : new PageAssetResult(null, immutable: false);

    private static bool IsHashed(PageAsset asset, string path) => path.EndsWith(asset.HashedName, StringComparison.Ordinal);
}
