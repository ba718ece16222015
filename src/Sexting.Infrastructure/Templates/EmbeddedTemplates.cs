using System.Collections.Frozen;
using System.Reflection;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;

namespace Sexting.Infrastructure.Templates;

/// <summary>
/// Fluid templates embedded in an assembly as <c>{prefix}{name}.liquid</c>, parsed once: the email's
/// (<c>Email.Templates.</c>) and the pages' (<c>Pages.Templates.</c>). Partials are found among the same
/// resources (<c>{% include %}</c>, <c>{% render %}</c>), and only the model types named may be read.
/// </summary>
internal sealed class EmbeddedTemplates
{
    private const string Suffix = ".liquid";

    /// <summary>
    /// Encodes what HTML needs encoded (<c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c>, quotes) but leaves letters of every
    /// script as they are, so right-to-left text stays readable in the source and the output stays small.
    /// </summary>
    public static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly FrozenDictionary<string, IFluidTemplate> _templates;
    private readonly string _what;

    /// <param name="assembly">The assembly the templates are embedded in.</param>
    /// <param name="prefix">The resources' prefix, ending in a dot.</param>
    /// <param name="what">What the templates are, for errors: "Email template", "Page template".</param>
    /// <param name="models">The only types a template may read members of.</param>
    public EmbeddedTemplates(Assembly assembly, string prefix, string what, IEnumerable<Type> models)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        ArgumentNullException.ThrowIfNull(models);
        _what = what;
        Options = new TemplateOptions();
        Options.MemberAccessStrategy.IgnoreCasing = true;
        foreach (var type in models)
        {
            Options.MemberAccessStrategy.Register(type);
        }

        Options.FileProvider = new EmbeddedFileProvider(assembly, prefix.TrimEnd('.'));
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(Suffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var name = resource[prefix.Length..^Suffix.Length];
            if (!parser.TryParse(reader.ReadToEnd(), out var template, out var error))
            {
                throw new InvalidOperationException($"{what} {name} does not parse: {error}");
            }

            templates[name] = template;
        }

        _templates = templates.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The options every render uses: the registered models and the partials' file provider.</summary>
    public TemplateOptions Options { get; }

    /// <summary>The names of the templates, without <c>.liquid</c>.</summary>
    public IEnumerable<string> Names => _templates.Keys;

    /// <summary>Template <paramref name="name"/>; an unknown name is a bug.</summary>
    public IFluidTemplate Get(string name) =>
        _templates.TryGetValue(name, out var template)
            ? template
            : throw new InvalidOperationException($"No {_what.ToLowerInvariant()} {name}.");
}
