using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Sexting.Functions.Common;

/// <summary>
/// A form-encoded body already read within its size limit (<see cref="Intake.RequestBodyReader"/>).
/// Only <c>application/x-www-form-urlencoded</c>: a multipart body could carry a file, and the
/// imagery is never accepted (SA028 §3.2.3).
/// </summary>
public static class PostedForm
{
    public const string UrlEncoded = "application/x-www-form-urlencoded";

    /// <summary>Whether the content type is <c>application/x-www-form-urlencoded</c>.</summary>
    public static bool IsUrlEncoded(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType, UrlEncoded, StringComparison.OrdinalIgnoreCase);

    /// <summary>The fields of the body, or null when it is not a form this app can read (too many or too long fields).</summary>
    public static IFormCollection? Parse(byte[] body)
    {
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            using var reader = new FormReader(new MemoryStream(body, writable: false));
            return new FormCollection(reader.ReadForm());
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
