using System.Text;
using Microsoft.Net.Http.Headers;
using Sexting.Functions.Pages;

namespace Sexting.Functions.Tests.Pages;

public sealed class PageAssetsTests
{
    private static string Text(string name) => Encoding.UTF8.GetString(PageFactory.Assets.Find(name)!.Content.Span);

    [Theory]
    [InlineData("pages.css", "text/css; charset=utf-8")]
    [InlineData("app.js", "text/javascript; charset=utf-8")]
    [InlineData("young-people.js", "text/javascript; charset=utf-8")]
    [InlineData("govuk-frontend.min.js", "text/javascript; charset=utf-8")]
    public void Find_EmbeddedAsset_ExistsWithItsContentType(string name, string contentType)
    {
        var asset = PageFactory.Assets.Find(name);

        Assert.NotNull(asset);
        Assert.Equal(contentType, asset.ContentType);
        Assert.True(asset.Content.Length > 0);
        Assert.Same(asset, PageFactory.Assets.Find(PageFactory.Assets.UrlOf(name)));
    }

    [Fact]
    public void Css_Compiled_HasGovukClassesSystemFontsAndNoGovukBranding()
    {
        var css = Text("pages.css");

        foreach (var selector in new[] { ".govuk-error-summary", ".govuk-date-input", ".govuk-checkboxes__input", ".govuk-radios__input", ".govuk-button", ".govuk-warning-text", ".govuk-panel--confirmation", ".app-header" })
        {
            Assert.Contains(selector, css, StringComparison.Ordinal);
        }

        Assert.Contains("system-ui", css, StringComparison.Ordinal);
        Assert.DoesNotContain("GDS Transport", css, StringComparison.Ordinal);
        Assert.DoesNotContain("@font-face", css, StringComparison.Ordinal);
        Assert.DoesNotContain("govuk-crest", css, StringComparison.Ordinal);
    }

    [Fact]
    public void Css_EveryUrlItReferences_IsAnAssetServed()
    {
        var css = Text("pages.css");
        foreach (System.Text.RegularExpressions.Match url in System.Text.RegularExpressions.Regex.Matches(css, @"url\(\s*[""']?([^""')]+)"))
        {
            Assert.NotNull(PageFactory.Assets.Find(url.Groups[1].Value));
        }
    }

    [Fact]
    public void Js_GovukFrontend_IsTheEsModuleWithInitAll()
    {
        Assert.Contains("initAll", Text("govuk-frontend.min.js"), StringComparison.Ordinal);
        Assert.Contains("export{", Text("govuk-frontend.min.js"), StringComparison.Ordinal);
        Assert.Contains("import { initAll } from \"./govuk-frontend.min.js\"", Text("app.js"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_HashedName_IsImmutableForAYear()
    {
        var url = PageFactory.Assets.UrlOf("pages.css");

        var context = await SecurityHeadersTests.ExecuteAsync(PageFactory.Assets.Serve(url));

        Assert.Matches(@"^/api/assets/pages\.[0-9a-f]{12}\.css$", url);
        Assert.Equal(200, context.Response.StatusCode);
        Assert.Equal("text/css; charset=utf-8", context.Response.ContentType);
        Assert.Equal(PageAssetResult.ImmutableCacheControl, context.Response.Headers.CacheControl.ToString());
        Assert.Equal("nosniff", context.Response.Headers.XContentTypeOptions.ToString());
        Assert.True(((MemoryStream)context.Response.Body).Length > 10_000);
    }

    [Fact]
    public async Task Serve_PlainNameWithMatchingETag_Answers304()
    {
        var asset = PageFactory.Assets.Find("young-people.js")!;

        var context = await SecurityHeadersTests.ExecuteAsync(PageFactory.Assets.Serve("young-people.js"), r => r.Headers[HeaderNames.IfNoneMatch] = asset.ETag);

        Assert.Equal(304, context.Response.StatusCode);
        Assert.Equal(PageAssetResult.RevalidateCacheControl, context.Response.Headers.CacheControl.ToString());
        Assert.Equal(0, ((MemoryStream)context.Response.Body).Length);
    }

    [Theory]
    [InlineData("nothing.css")]
    [InlineData("../Sexting.Infrastructure.dll")]
    [InlineData("")]
    public async Task Serve_UnknownPath_Answers404(string path)
    {
        var context = await SecurityHeadersTests.ExecuteAsync(PageFactory.Assets.Serve(path));

        Assert.Equal(404, context.Response.StatusCode);
    }
}
