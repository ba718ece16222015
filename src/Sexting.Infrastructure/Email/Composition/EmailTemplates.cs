using System.Text.Encodings.Web;
using Fluid;
using Sexting.Infrastructure.Templates;
using Sexting.Infrastructure.Text;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>
/// The Liquid templates, embedded in this assembly as <c>Email/Templates/{name}.{text|html}.liquid</c>,
/// parsed once. HTML is rendered with an <see cref="HtmlEncoder"/>, so every <c>{{ value }}</c> is
/// encoded; plain text with no encoder (its values are made safe by <see cref="UserText"/>).
/// A missing value renders blank, as Liquid does (Fluid's strict mode treats a null property as
/// undefined, so it cannot be used); the tests check instead that every name a template uses
/// is a member of the model.
/// </summary>
internal sealed class EmailTemplates
{
    private readonly EmbeddedTemplates _templates = new(
        typeof(EmailTemplates).Assembly,
        "Email.Templates.",
        "Email template",
        [typeof(EmailModel), typeof(PersonView), typeof(AdultView), typeof(FactorView), typeof(CheckView), typeof(ConcernView)]);

    /// <summary>The names of the templates, without format and extension.</summary>
    public IEnumerable<string> Names => _templates.Names;

    /// <summary>Renders body template <paramref name="name"/> inside the layout, as plain text.</summary>
    public string RenderText(string name, EmailModel model) =>
        Normalise(RenderWithLayout(name + ".text", "_layout.text", model, NullEncoder.Default));

    /// <summary>Renders body template <paramref name="name"/> inside the layout, as HTML.</summary>
    public string RenderHtml(string name, EmailModel model) =>
        RenderWithLayout(name + ".html", "_layout.html", model, EmbeddedTemplates.Html);

    private string RenderWithLayout(string body, string layout, EmailModel model, TextEncoder encoder)
    {
        var context = new TemplateContext(model, _templates.Options);
        var rendered = _templates.Get(body).Render(context, encoder);

        // The body is already rendered and encoded; the layout places it with "raw".
        context = new TemplateContext(model, _templates.Options);
        context.SetValue("body", rendered);
        return _templates.Get(layout).Render(context, encoder);
    }

    // Templates are laid out for their authors; readers get no runs of blank lines.
    private static string Normalise(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').Select(l => l.TrimEnd());
        var result = new List<string>();
        foreach (var line in lines)
        {
            if (line.Length == 0 && (result.Count == 0 || result[^1].Length == 0))
            {
                continue;
            }

            result.Add(line);
        }

        return string.Join("\r\n", result).TrimEnd() + "\r\n";
    }
}
