namespace Sexting.Functions.Pages;

/// <summary>Element ids for the page models; encoding is the page templates' job (<see cref="PageTemplates"/>).</summary>
internal static class Html
{
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
