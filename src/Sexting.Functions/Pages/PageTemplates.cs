using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
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
    private const string Suffix = ".liquid";

    // Markup characters are always encoded; letters of every script stay as typed (pages are UTF-8).
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    // Only these types may be read by a template: the page models and the component views.
    private static readonly Type[] Models =
    [
        typeof(LayoutModel), typeof(FieldView), typeof(OptionView), typeof(DatePartView), typeof(ErrorLink),
        typeof(CaseSummaryView), typeof(FactorItem), typeof(CheckItem), typeof(ConfirmedModel), typeof(ProblemModel),
        typeof(Decisions.ApprovalPage.Model), typeof(Decisions.ApprovalConfirmationPage.Model), typeof(Decisions.EducationPage.Model),
        typeof(Intake.ReferralFormPage.Model), typeof(Intake.ReferralFormPage.YoungPersonView), typeof(Intake.ReceiptPage.Model),
        typeof(Confirmation.ReporterConfirmationPage.Model),
    ];

    private PageTemplates()
    {
        _options = new TemplateOptions();
        _options.MemberAccessStrategy.IgnoreCasing = true;
        foreach (var type in Models)
        {
            _options.MemberAccessStrategy.Register(type);
        }

        var assembly = typeof(PageTemplates).Assembly;
        _options.FileProvider = new EmbeddedFileProvider(assembly, Prefix.TrimEnd('.'));
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource[Prefix.Length..^Suffix.Length];
            if (!parser.TryParse(reader.ReadToEnd(), out var template, out var error))
            {
                throw new InvalidOperationException($"Page template {name} does not parse: {error}");
            }

            templates[name] = template;
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The templates, parsed once for the process (they are embedded and never change).</summary>
    public static PageTemplates Shared { get; } = new();

    /// <summary>The names of the templates, without extension.</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Renders template <paramref name="name"/> with <paramref name="model"/>, every output encoded.</summary>
    public string Render(string name, object model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var template = _templates.TryGetValue(name, out var found)
            ? found
            : throw new InvalidOperationException($"No page template {name}.");
        return template.Render(new TemplateContext(model, _options), Html);
    }
}
