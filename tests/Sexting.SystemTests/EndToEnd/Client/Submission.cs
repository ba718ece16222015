using System.Net;
using System.Text.Json;

namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>The answer to a submission: status, raw body and Location.</summary>
public sealed record Submission(HttpStatusCode Status, string Body, string? Location)
{
    public string ReferralId => Json.GetProperty("referralId").GetString()!;

    public string CrimeReference => Json.GetProperty("crimeReference").GetString()!;

    public JsonElement Json
    {
        get
        {
            using var document = JsonDocument.Parse(Body);
            return document.RootElement.Clone();
        }
    }
}
