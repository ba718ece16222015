using System.Text;
using System.Text.RegularExpressions;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Text;

/// <summary>
/// Makes text typed by a school safe to place in an email or a page. HTML encoding is the template
/// engine's job (every output is encoded); this removes what no encoding makes safe in either
/// content: control characters (a line break would start a new header line or fake a paragraph),
/// bidirectional overrides and isolates (they reorder what the reader sees, "Trojan Source"),
/// and unpaired surrogates (not text at all).
/// </summary>
internal static class UserText
{
    /// <summary>One line: every control character, line breaks included, becomes a space.</summary>
    public static string? Line(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var rune in Runes(value))
        {
            if (Rune.IsControl(rune))
            {
                builder.Append(' ');
            }
            else if (!IsBidiControl(rune))
            {
                builder.Append(rune.ToString());
            }
        }

        var line = builder.ToString().Trim();
        return line.Length == 0 ? null : line;
    }

    /// <summary>Free text as its non-empty lines, each made safe as by <see cref="Line"/>.</summary>
    public static IReadOnlyList<string> Paragraphs(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return [];
        }

        return value.ReplaceLineEndings("\n")
            .Split('\n')
            .Select(Line)
            .OfType<string>()
            .ToList();
    }

    /// <summary>
    /// Replaces the young people's names in free text with their references (YP1, YP2), for
    /// readers who must not learn the names: the full name case-insensitively, then each part of
    /// it of two letters or more as a capitalised whole word. Longer names go first so a part of
    /// one never breaks another.
    /// </summary>
    public static string Redact(string text, IEnumerable<YoungPerson> people)
    {
        ArgumentNullException.ThrowIfNull(text);
        var replacements = new List<(string Pattern, string Reference, RegexOptions Options)>();
        foreach (var person in people)
        {
            var name = Line(person.Name);
            if (name is null)
            {
                continue;
            }

            var reference = Line(person.Reference) ?? "a young person";
            replacements.Add((Regex.Escape(name).Replace(@"\ ", @"\s+", StringComparison.Ordinal), reference, RegexOptions.IgnoreCase));
            foreach (var part in name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(p => p.Length >= 2))
            {
                replacements.Add((Regex.Escape(part), reference, RegexOptions.None));
            }
        }

        foreach (var (pattern, reference, options) in replacements.OrderByDescending(r => r.Pattern.Length))
        {
            text = Regex.Replace(
                text,
                $@"(?<![\p{{L}}\p{{N}}]){pattern}(?![\p{{L}}\p{{N}}])",
                _ => reference,
                options | RegexOptions.CultureInvariant,
                TimeSpan.FromSeconds(1));
        }

        return text;
    }

    private static IEnumerable<Rune> Runes(string value)
    {
        var index = 0;
        while (index < value.Length)
        {
            var status = Rune.DecodeFromUtf16(value.AsSpan(index), out var rune, out var consumed);
            if (status == System.Buffers.OperationStatus.Done)
            {
                yield return rune;
            }

            // An unpaired surrogate is skipped.
            index += consumed;
        }
    }

    // U+202A..U+202E embeddings and overrides, U+2066..U+2069 isolates. Marks (U+200E, U+200F)
    // stay: they cannot reorder text beyond themselves. Right-to-left letters stay, of course.
    private static bool IsBidiControl(Rune rune) =>
        rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069;
}
