using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Serialization;

namespace Sexting.Functions.Common;

/// <summary>The JSON responses of the HTTP functions and RFC 9457 problem details (pages are <c>Pages.HtmlPageResult</c>).</summary>
public static class HttpResults
{
    public const string Json = "application/json; charset=utf-8";
    public const string ProblemJson = "application/problem+json; charset=utf-8";

    /// <summary>Seconds a client should wait after a 503 before it retries.</summary>
    public const int RetryAfterSeconds = 5;

    public static BodyResult JsonBody<T>(int status, T value, IReadOnlyDictionary<string, string>? headers = null) =>
        new(status, Json, JsonSerializer.Serialize(value, SextingJson.Options), headers);

    /// <summary>RFC 9457 problem details with <c>type</c>, <c>title</c>, <c>status</c> and, when given, <c>errors</c> keyed by JSON path.</summary>
    public static BodyResult Problem(int status, string title, string? detail = null, IReadOnlyDictionary<string, string[]>? errors = null, IReadOnlyDictionary<string, string>? headers = null)
    {
        var problem = new JsonObject
        {
            ["type"] = $"https://httpstatuses.io/{status}",
            ["title"] = title,
            ["status"] = status,
        };
        if (detail is not null)
        {
            problem["detail"] = detail;
        }

        if (errors is not null)
        {
            var errorsNode = new JsonObject();
            foreach (var (path, messages) in errors)
            {
                errorsNode[path] = new JsonArray(messages.Select(m => (JsonNode?)JsonValue.Create(m)).ToArray());
            }

            problem["errors"] = errorsNode;
        }

        return new BodyResult(status, ProblemJson, problem.ToJsonString(SextingJson.Options), headers);
    }

    /// <summary>503 with <c>Retry-After</c>: storage or the durable backend is unavailable; nothing was half-done.</summary>
    public static BodyResult Unavailable() =>
        Problem(StatusCodes.Status503ServiceUnavailable, "The service is temporarily unavailable.",
            "Nothing was changed. Please try again shortly.",
            headers: new Dictionary<string, string> { ["Retry-After"] = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

    /// <summary>Whether the client asked for JSON (<c>Accept: application/json</c>).</summary>
    public static bool WantsJson(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers.Accept.Any(a => a is not null && a.Contains("application/json", StringComparison.OrdinalIgnoreCase));
    }
}
