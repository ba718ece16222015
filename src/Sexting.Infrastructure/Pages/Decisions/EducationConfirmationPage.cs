using Sexting.Core.Cases;

namespace Sexting.Infrastructure.Pages.Decisions;

/// <summary>The answer to POST /api/education/{token}: delivery recorded, the case closed.</summary>
public sealed class EducationConfirmationPage(PageLayout layout)
{
    /// <summary>The page's title.</summary>
    public const string Title = "Education and intervention recorded";

    /// <summary>The confirmation for a case.</summary>
    public string Render(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var main = $"""
            <div class="govuk-grid-row">
              <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                  <h1 class="govuk-panel__title">{Title}</h1>
                  <div class="govuk-panel__body">Crime reference<br><strong class="app-crime-reference">{Html.E(record.CrimeReference)}</strong></div>
                </div>
                <p class="govuk-body">Thank you. The delivery has been recorded with your name and the case is closed.</p>
                <p class="govuk-body">You can close this page.</p>
              </div>
            </div>
            """;
        return layout.Render(Title, main);
    }
}
