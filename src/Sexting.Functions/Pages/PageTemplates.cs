using System.Text.Encodings.Web;
using Fluid;
using Sexting.Infrastructure.Templates;
using Sexting.Functions.Pages.Components;

namespace Sexting.Functions.Pages;

/// <summary>
/// The page templates, embedded in this assembly as <c>Pages/Templates/{name}.liquid</c> and
/// parsed once, as the email's are (<see cref="Infrastructure.Email.Composition.EmailTemplates"/>). Every
/// <c>{{ value }}</c> is encoded by an <see cref="HtmlEncoder"/>: a page class builds a model of
/// plain text and the template alone writes markup, so no text from outside can become markup.
/// The govuk-frontend components are partials (<c>_input</c>, <c>_radios</c>, <c>_errorSummary</c>…),
/// rendered with <c>{% render '_input', field: f %}</c>.
/// </summary>
internal sealed class PageTemplates
{
    private const string Prefix = "Pages.Templates.";

    // Only these types may be read by a template: the page models and the component views.
    private static readonly Type[] Models =
    [
        typeof(LayoutModel), typeof(FieldView), typeof(OptionView), typeof(DatePartView), typeof(ErrorLink),
        typeof(CaseSummaryView), typeof(FactorItem), typeof(CheckItem), typeof(ConfirmedModel), typeof(ProblemModel),
        typeof(Decisions.ApprovalPage.Model), typeof(Decisions.ApprovalConfirmationPage.Model), typeof(Decisions.EducationPage.Model),
        typeof(Intake.ReferralFormPage.Model), typeof(Intake.ReferralFormPage.YoungPersonView), typeof(Intake.ReceiptPage.Model),
        typeof(Confirmation.ReporterConfirmationPage.Model),
        typeof(Cases.CasesPage.Model), typeof(Cases.CasesPage.RowView), typeof(Cases.CasesPage.StatusChoice),
        typeof(Cases.CasePage.Model), typeof(Cases.CasePage.RowItem), typeof(Cases.CasePage.FactorRow), typeof(Cases.CasePage.EventRow),
        typeof(Cases.CasePage.EmailRow), typeof(Cases.CasePage.AdviceRow), typeof(Cases.CasePage.ActionForm),
    ];

    private readonly EmbeddedTemplates _templates = new(typeof(PageTemplates).Assembly, Prefix, "Page template", Models);

    private PageTemplates()
    {
    }

    /// <summary>The templates, parsed once for the process (they are embedded and never change).</summary>
    public static PageTemplates Shared { get; } = new();

    /// <summary>The names of the templates, without extension.</summary>
    public IEnumerable<string> Names => _templates.Names;

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/>, every output encoded.</summary>
    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return _templates.Get(name).Render(new TemplateContext(model, _templates.Options), EmbeddedTemplates.Html);
    }
}
