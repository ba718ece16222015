using Sexting.Core.Forces;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages;

/// <summary>
/// The frame of every page: skip link, the service's own header (not GOV.UK: no crest, no
/// GOV.UK name), main content and footer. Titles never carry personal data (design.md).
/// </summary>
/// <param name="assets">Where the page's styles and scripts are served.</param>
/// <param name="forces">The configured forces, named in the header and footer; the built-in two when not given.</param>
public sealed class PageLayout(IPageAssets assets, ForceProfiles? forces = null)
{
    /// <summary>The service's name, in every title and in the header.</summary>
    public const string ServiceName = "Report youth produced sexual imagery";

    /// <summary>The forces the service belongs to, in words: "Devon and Cornwall Police and Dorset Police".</summary>
    public string Forces { get; } = (forces ?? ForceProfiles.BuiltIn).DisplayNames;

    /// <summary>A whole page around <paramref name="mainHtml"/> (the <c>_layout</c> template).</summary>
    /// <param name="title">The page's own title, without personal data; "Error: " is put before it when <paramref name="hasErrors"/>.</param>
    /// <param name="mainHtml">The main content, already rendered and encoded (by a page template, or the local host's own sign-in page).</param>
    /// <param name="hasErrors">Whether the page shows an error summary.</param>
    public string Render(string title, string mainHtml, bool hasErrors = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(mainHtml);
        var fullTitle = (hasErrors ? "Error: " : "") + title + " – " + ServiceName + " – " + Forces;
        return PageTemplates.Shared.Render("_layout", new LayoutModel(fullTitle, ServiceName, Forces, assets.UrlOf("pages.css"), assets.UrlOf("app.js"), mainHtml));
    }

    /// <summary>A whole page: template <paramref name="template"/> with <paramref name="model"/>, inside the layout.</summary>
    internal string Render(string title, string template, object model, bool hasErrors = false) =>
        Render(title, PageTemplates.Shared.Render(template, model), hasErrors);
}
