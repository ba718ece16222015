using Microsoft.AspNetCore.Http;

namespace Sexting.Functions.Common;

/// <summary>Reads the fields of a posted form; anything that is not a readable form yields no fields.</summary>
public static class FormFields
{
    public const int MaxFieldLength = 4000;

    public static async Task<IReadOnlyDictionary<string, string>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return new Dictionary<string, string>();
        }

        try
        {
            var form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            return form.ToDictionary(f => f.Key, f => (f.Value.ToString() ?? "").Trim(), StringComparer.Ordinal);
        }
        catch (InvalidDataException)
        {
            return new Dictionary<string, string>();
        }
        catch (IOException)
        {
            return new Dictionary<string, string>();
        }
    }

    public static string? Get(IReadOnlyDictionary<string, string> fields, string name)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return fields.TryGetValue(name, out var value) && value.Length > 0 ? value : null;
    }

    /// <summary>A single-line value: no control characters.</summary>
    public static bool IsSingleLine(string value) => !value.Any(char.IsControl);

    /// <summary>Free text: line breaks and tabs allowed, no other control characters.</summary>
    public static bool IsText(string value) => !value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
