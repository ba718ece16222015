using System.Globalization;
using System.Text;

namespace Sexting.Core.Referrals;

/// <summary>
/// Which characters a text field may hold (contract §2): no control characters (a multi-line field
/// may hold line breaks and tabs), no Unicode format characters (Cf: zero-width characters,
/// bidirectional overrides and isolates, the byte order mark) and no separators other than the
/// ordinary space (Zl U+2028, Zp U+2029, and the Zs spaces such as U+00A0 and U+3000). A zero-width
/// character in a name would defeat the repeat-offending match (§3.4.6); a bidirectional override
/// would make a name read differently to a police reader than it was stored. One rule for the
/// school's form, the API and the staff forms.
/// </summary>
public static class TextRules
{
    /// <summary>Whether every character of <paramref name="text"/> is allowed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="multiline">Whether line breaks (CR, LF) and tabs are allowed.</param>
    public static bool IsAllowed(string text, bool multiline)
    {
        ArgumentNullException.ThrowIfNull(text);
        foreach (var rune in text.EnumerateRunes())
        {
            if (!IsAllowed(rune, multiline))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether one character is allowed.</summary>
    public static bool IsAllowed(Rune rune, bool multiline)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        if (multiline && rune.Value is '\n' or '\r' or '\t')
        {
            return true;
        }

        return Rune.GetUnicodeCategory(rune) is not (UnicodeCategory.Control
            or UnicodeCategory.Format
            or UnicodeCategory.SpaceSeparator
            or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.Surrogate);
    }

    /// <summary>
    /// The text without leading and trailing ordinary white space (space, tab, CR, LF). Unlike
    /// <see cref="string.Trim()"/> it leaves U+2028, U+00A0 and the like in place, so that they are
    /// refused rather than silently trimmed.
    /// </summary>
    public static string TrimOrdinary(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Trim(' ', '\t', '\r', '\n');
    }

    /// <summary>The error message for a field that holds a refused character.</summary>
    public static string MessageFor(bool multiline) => multiline
        ? "Must not contain control, format or separator characters (such as zero-width or right-to-left marks); line breaks are fine."
        : "Must be a single line without control, format or separator characters (such as zero-width or right-to-left marks).";
}
