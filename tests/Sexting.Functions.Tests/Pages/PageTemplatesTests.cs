using System.Reflection;
using System.Text.RegularExpressions;
using Sexting.Functions.Pages;
using Sexting.Functions.Pages.Cases;
using Sexting.Functions.Pages.Components;
using Sexting.Functions.Pages.Confirmation;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Tests.Pages;

public sealed partial class PageTemplatesTests
{
    private const string Prefix = "Pages.Templates.";

    // What a page template's own names are members of; partials read what their render tag passes.
    private static readonly Dictionary<string, Type> PageModels = new(StringComparer.Ordinal)
    {
        ["_layout"] = typeof(LayoutModel),
        [nameof(ApprovalPage)] = typeof(ApprovalPage.Model),
        [nameof(ApprovalConfirmationPage)] = typeof(ApprovalConfirmationPage.Model),
        [nameof(EducationPage)] = typeof(EducationPage.Model),
        [nameof(EducationConfirmationPage)] = typeof(ConfirmedModel),
        [nameof(LinkProblemPage)] = typeof(ProblemModel),
        [nameof(ReceiptPage)] = typeof(ReceiptPage.Model),
        [nameof(ReferralFormPage)] = typeof(ReferralFormPage.Model),
        ["ReporterConfirmationPage"] = typeof(ReporterConfirmationPage.Model),
        ["ReporterConfirmedPage"] = typeof(ConfirmedModel),
        ["ReporterConfirmationProblemPage"] = typeof(ProblemModel),
        [nameof(CasesPage)] = typeof(CasesPage.Model),
    };

    // The variables the component partials and loops use, and the view each stands for.
    private static readonly Dictionary<string, Type> Views = new(StringComparer.Ordinal)
    {
        ["field"] = typeof(FieldView),
        ["option"] = typeof(OptionView),
        ["box"] = typeof(OptionView),
        ["part"] = typeof(DatePartView),
        ["error"] = typeof(ErrorLink),
        ["caseSummary"] = typeof(CaseSummaryView),
        ["f"] = typeof(FactorItem),
        ["c"] = typeof(CheckItem),
        ["person"] = typeof(ReferralFormPage.YoungPersonView),
        ["row"] = typeof(CasesPage.RowView),
        ["choice"] = typeof(CasesPage.StatusChoice),
        ["factor"] = typeof(Sexting.Functions.Pages.Cases.CasePage.FactorRow),
        ["item"] = typeof(Sexting.Functions.Pages.Cases.CasePage.RowItem),
    };

    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "if", "elsif", "else", "endif", "unless", "endunless", "for", "in", "endfor", "render", "assign", "and", "or", "not",
        "raw", "size", "nil", "true", "false",
    };

    public static TheoryData<string> Templates() => new(PageTemplates.Shared.Names.Order(StringComparer.Ordinal));

    [Fact]
    public void Templates_EveryPageAndComponent_IsEmbedded()
    {
        var names = PageTemplates.Shared.Names.ToHashSet(StringComparer.Ordinal);

        foreach (var name in PageModels.Keys.Concat(["_input", "_textarea", "_radios", "_checkboxes", "_dateInput", "_errorSummary", "_caseSummary", "_summaryRow", "_panel", "_button"]))
        {
            Assert.Contains(name, names);
        }
    }

    // Fluid renders an unknown name as blank, so a misspelt name would silently drop an attribute or a sentence.
    [Theory]
    [MemberData(nameof(Templates))]
    public void Template_EveryNameUsed_IsAMemberOfItsModel(string name)
    {
        var source = Read(name);
        foreach (Match block in Block().Matches(source))
        {
            var code = StringLiteral().Replace(block.Groups[1].Value, "");
            foreach (Match token in Identifier().Matches(code))
            {
                var parts = token.Value.Split('.');
                if (Words.Contains(parts[0]) || code.Contains(parts[0] + ":", StringComparison.Ordinal))
                {
                    continue;
                }

                if (Views.TryGetValue(parts[0], out var view) && parts.Length > 1)
                {
                    Assert.True(parts[1] == "size" || Property(view, parts[1]) is not null, $"{name}: {token.Value} is not a member of {view.Name}");
                }
                else if (PageModels.TryGetValue(name, out var model) && !Views.ContainsKey(parts[0]) && !Assigned(source, parts[0]))
                {
                    Assert.True(Property(model, parts[0]) is not null, $"{name}: {parts[0]} is not a member of {model.Name}");
                }
            }
        }
    }

    private static bool Assigned(string source, string variable) =>
        source.Contains("assign " + variable + " ", StringComparison.Ordinal) || source.Contains("for " + variable + " in", StringComparison.Ordinal);

    private static PropertyInfo? Property(Type type, string name) =>
        type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);

    private static string Read(string name)
    {
        using var stream = typeof(PageTemplates).Assembly.GetManifestResourceStream(Prefix + name + ".liquid")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex(@"\{[{%]-?(.*?)-?[}%]\}", RegexOptions.Singleline)]
    private static partial Regex Block();

    [GeneratedRegex("'[^']*'")]
    private static partial Regex StringLiteral();

    [GeneratedRegex(@"\b[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*")]
    private static partial Regex Identifier();
}
