using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Sexting.Infrastructure.Pages;

/// <summary>Encoding for the page renderers: every piece of text that is not the renderer's own markup goes through here.</summary>
internal static class Html
{
    // Every script may stay as typed (pages are UTF-8); markup characters are always encoded.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    /// <summary>Text encoded for an HTML element or a quoted attribute value.</summary>
    public static string E(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);

    /// <summary>An element id from a form field name: <c>youngPeople[0].dateOfBirth</c> → <c>youngPeople-0-dateOfBirth</c>.</summary>
    public static string IdOf(string fieldName)
    {
        var chars = new System.Text.StringBuilder(fieldName.Length);
        foreach (var c in fieldName)
        {
            var next = char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-';
            if (next == '-' && chars.Length > 0 && chars[^1] == '-')
            {
                continue;
            }

            chars.Append(next);
        }

        return chars.ToString().Trim('-');
    }
}
