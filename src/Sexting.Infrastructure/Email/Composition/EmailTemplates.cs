using System.Collections.Frozen;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
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
    private const string Prefix = "Email.Templates.";
    private const string Suffix = ".liquid";

    // Encodes what HTML needs encoded (<, >, &, quotes) but leaves letters of every script as
    // they are, so right-to-left text stays readable in the source and the message stays small.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly TemplateOptions _options;

    public EmailTemplates()
    {
        _options = new TemplateOptions();
        _options.MemberAccessStrategy.IgnoreCasing = true;
        _options.MemberAccessStrategy.Register<EmailModel>();
        _options.MemberAccessStrategy.Register<PersonView>();
        _options.MemberAccessStrategy.Register<AdultView>();
        _options.MemberAccessStrategy.Register<FactorView>();
        _options.MemberAccessStrategy.Register<CheckView>();
        _options.MemberAccessStrategy.Register<ConcernView>();

        var assembly = typeof(EmailTemplates).Assembly;

        // {% include '_case.html' %} finds the partials among the same embedded resources.
        _options.FileProvider = new EmbeddedFileProvider(assembly, Prefix.TrimEnd('.'));
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var source = reader.ReadToEnd();
            var name = resource[Prefix.Length..^Suffix.Length];
            if (!parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"Email template {name} does not parse: {error}");
            }

            templates[name] = template;
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The names of the templates, without format and extension.</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Renders body template <paramref name="name"/> inside the layout, as plain text.</summary>
    public string RenderText(string name, EmailModel model) =>
        Normalise(RenderWithLayout(name + ".text", "_layout.text", model, NullEncoder.Default));

    /// <summary>Renders body template <paramref name="name"/> inside the layout, as HTML.</summary>
    public string RenderHtml(string name, EmailModel model) =>
        RenderWithLayout(name + ".html", "_layout.html", model, Html);

    private string RenderWithLayout(string body, string layout, EmailModel model, TextEncoder encoder)
    {
        var context = new TemplateContext(model, _options);
        var rendered = Template(body).Render(context, encoder);

        // The body is already rendered and encoded; the layout places it with "raw".
        context = new TemplateContext(model, _options);
        context.SetValue("body", rendered);
        return Template(layout).Render(context, encoder);
    }

    private IFluidTemplate Template(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new InvalidOperationException($"No email template {name}.");

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
