using System.Reflection;
using System.Text.RegularExpressions;
using Sexting.Infrastructure.Email.Composition;

namespace Sexting.Infrastructure.Tests.Email;

public sealed partial class EmailTemplatesTests
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "for", "in", "endfor", "include",
        "comment", "endcomment", "and", "or", "not", "contains", "raw", "empty", "nil", "true", "false",
    };

    public static TheoryData<string> Resources()
    {
        var data = new TheoryData<string>();
        foreach (var name in typeof(EmailTemplates).Assembly.GetManifestResourceNames().Where(n => n.StartsWith("Email.Templates.", StringComparison.Ordinal)))
        {
            data.Add(name);
        }

        return data;
    }

    [Fact]
    public void Templates_AllParse_AndAreFound()
    {
        var templates = new EmailTemplates();

        // 12 kinds with AdviceGuidance twice, the layout and four partials, each as text and html.
        Assert.Equal((13 + 1 + 4 + 1) * 2, templates.Names.Count()); // v2: SafeguardingAdviceRecorded
    }

    // Fluid renders an unknown name as blank, so a misspelt name would silently drop a sentence.
    [Theory]
    [MemberData(nameof(Resources))]
    public void Template_EveryNameUsed_IsAMemberOfTheModel(string resource)
    {
        var source = Read(resource);
        var loops = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (Match loop in ForLoop().Matches(source))
        {
            var list = Property(typeof(EmailModel), loop.Groups[2].Value);
            Assert.True(list is not null, $"{resource}: loops over unknown {loop.Groups[2].Value}");
            loops[loop.Groups[1].Value] = list!.PropertyType.IsGenericType ? list.PropertyType.GetGenericArguments()[0] : typeof(string);
        }

        foreach (Match block in Block().Matches(source))
        {
            var code = StringLiteral().Replace(block.Groups[1].Value, "");
            if (code.TrimStart().StartsWith("comment", StringComparison.Ordinal))
            {
                continue;
            }

            foreach (Match token in Identifier().Matches(code))
            {
                var parts = token.Value.Split('.');
                if (Keywords.Contains(parts[0]) || parts[0] == "body" && resource.Contains("_layout", StringComparison.Ordinal))
                {
                    continue;
                }

                if (loops.TryGetValue(parts[0], out var itemType))
                {
                    if (parts.Length > 1)
                    {
                        Assert.True(Property(itemType, parts[1]) is not null, $"{resource}: {token.Value} is not a member of {itemType.Name}");
                    }

                    continue;
                }

                Assert.True(Property(typeof(EmailModel), parts[0]) is not null, $"{resource}: {parts[0]} is not a member of the model");
            }
        }
    }

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private static string Read(string resource)
    {
        using var stream = typeof(EmailTemplates).Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{[{%]-?(.*?)-?[}%]\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex(@"\{%-?\s*for\s+(\w+)\s+in\s+(\w+)")]
    private static partial Regex ForLoop();

    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"(?<![\w.])[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*")]
    private static partial Regex Identifier();
}
