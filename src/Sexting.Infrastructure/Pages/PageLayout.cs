using System.Text;
using Sexting.Core.Forces;

namespace Sexting.Infrastructure.Pages;

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

    /// <summary>A whole page around <paramref name="mainHtml"/>.</summary>
    /// <param name="title">The page's own title, without personal data; "Error: " is put before it when <paramref name="hasErrors"/>.</param>
    /// <param name="mainHtml">The main content, already encoded.</param>
    /// <param name="hasErrors">Whether the page shows an error summary.</param>
    public string Render(string title, string mainHtml, bool hasErrors = false)
    {
        ArgumentNullException.ThrowIfNull(title);
        ArgumentNullException.ThrowIfNull(mainHtml);
        var fullTitle = (hasErrors ? "Error: " : "") + title + " – " + ServiceName + " – " + Forces;
        var html = new StringBuilder(mainHtml.Length + 4096);
        html.Append($$"""
            <!DOCTYPE html>
            <html lang="en-GB" class="govuk-template">
            <head>
              <meta charset="utf-8">
              <title>{{Html.E(fullTitle)}}</title>
              <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
              <meta name="robots" content="noindex, nofollow">
              <meta name="referrer" content="no-referrer">
              <meta name="theme-color" content="#12284c">
              <link rel="stylesheet" href="{{Html.E(assets.UrlOf("pages.css"))}}">
            </head>
            <body class="govuk-template__body govuk-frontend-supported">
              <a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>
              <header class="app-header">
                <div class="govuk-width-container app-header__container">
                  <p class="app-header__service-name">{{ServiceName}}</p>
                  <p class="app-header__forces">{{Html.E(Forces)}}</p>
                </div>
              </header>
              <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content">

            """);
        html.Append(mainHtml);
        html.Append($$"""

                </main>
              </div>
              <footer class="app-footer">
                <div class="govuk-width-container">
                  <p class="app-footer__text"><strong>If a child is in immediate danger, call 999.</strong></p>
                  <p class="app-footer__text">Never attach, copy, forward or screenshot the images. This service never asks for them and cannot accept them (SA028 3.2.3).</p>
                  <p class="app-footer__text">A service of {{Html.E(Forces)}}, following the Strategic Alliance policy SA028 on youth produced sexual imagery.</p>
                </div>
              </footer>
              <script type="module" src="{{Html.E(assets.UrlOf("app.js"))}}"></script>
            </body>
            </html>

            """);
        return html.ToString();
    }
}
