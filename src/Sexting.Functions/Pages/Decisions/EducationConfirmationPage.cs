using Sexting.Core.Cases;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages.Decisions;

/// <summary>The answer to POST /api/education/{token}: delivery recorded, the case closed.</summary>
public sealed class EducationConfirmationPage(PageLayout layout)
{
    /// <summary>The page's title.</summary>
    public const string Title = "Education and intervention recorded";

    /// <summary>The confirmation for a case.</summary>
    public string Render(CaseRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return layout.Render(Title, nameof(EducationConfirmationPage), new ConfirmedModel(Title, record.CrimeReference));
    }
}
