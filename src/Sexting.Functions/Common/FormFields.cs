using Microsoft.AspNetCore.Http;

namespace Sexting.Functions.Common;

/// <summary>Reads a posted form; anything that is not a readable form yields an empty one, which the page's form then reports as incomplete.</summary>
public static class FormFields
{
    public static async Task<IFormCollection> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!request.HasFormContentType)
        {
            return FormCollection.Empty;
        }

        try
        {
            return await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (InvalidDataException)
        {
            return FormCollection.Empty;
        }
        catch (IOException)
        {
            return FormCollection.Empty;
        }
    }

    /// <summary>Errors keyed by field name, as RFC 9457 <c>errors</c> (one message each).</summary>
    public static IReadOnlyDictionary<string, string[]> AsProblemErrors(IReadOnlyDictionary<string, string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.ToDictionary(e => e.Key, e => new[] { e.Value }, StringComparer.Ordinal);
    }

    /// <summary>Trimmed text, or null when blank.</summary>
    public static string? TextOrNull(string value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
