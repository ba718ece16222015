using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sexting.Functions.Common;
using Sexting.Functions.Intake;

namespace Sexting.Functions.Workspace;

/// <summary>
/// The fields of a workspace action (contract §10): a browser's <c>application/x-www-form-urlencoded</c>
/// form, or a JSON object of strings (a repeated field as an array of strings).
/// </summary>
public sealed class WorkspaceForm
{
    /// <summary>No workspace action needs more (the longest field, the advice, is limited far below).</summary>
    public const int MaxBodyBytes = 32 * 1024;

    private readonly Dictionary<string, List<string>> _fields;

    private WorkspaceForm(Dictionary<string, List<string>> fields, bool isBrowserForm)
    {
        _fields = fields;
        IsBrowserForm = isBrowserForm;
    }

    /// <summary>Whether the fields came as a browser form (answered with 303 to the case page).</summary>
    public bool IsBrowserForm { get; }

    /// <summary>The field's first value, trimmed, or null when absent or blank.</summary>
    public string? Value(string name) =>
        _fields.TryGetValue(name, out var values) && values.Count > 0 && !string.IsNullOrWhiteSpace(values[0]) ? values[0].Trim() : null;

    /// <summary>Every non-blank value of a repeated field, trimmed.</summary>
    public IReadOnlyList<string> Values(string name) =>
        _fields.TryGetValue(name, out var values) ? values.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).ToList() : [];

    /// <summary>The request's fields, or null when the body is too large or not a form or JSON object this app reads.</summary>
    public static async Task<WorkspaceForm?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = await RequestBodyReader.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return null;
        }

        var fields = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        if (PostedForm.IsUrlEncoded(request.ContentType))
        {
            if (PostedForm.Parse(body) is not { } form)
            {
                return null;
            }

            foreach (var (name, values) in form)
            {
                fields[name] = values.Where(v => v is not null).Select(v => v!).ToList();
            }

            return new WorkspaceForm(fields, isBrowserForm: !HttpResults.WantsJson(request));
        }

        if (body.Length == 0)
        {
            return new WorkspaceForm(fields, isBrowserForm: false);
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            if (json.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var property in json.RootElement.EnumerateObject())
            {
                var values = property.Value.ValueKind switch
                {
                    JsonValueKind.String => [property.Value.GetString()!],
                    JsonValueKind.Array when property.Value.EnumerateArray().All(e => e.ValueKind == JsonValueKind.String) =>
                        property.Value.EnumerateArray().Select(e => e.GetString()!).ToList(),
                    JsonValueKind.Null => [],
                    _ => (List<string>?)null,
                };
                if (values is null)
                {
                    return null;
                }

                fields[property.Name] = values;
            }
        }
        catch (JsonException)
        {
            return null;
        }

        return new WorkspaceForm(fields, isBrowserForm: false);
    }
}
