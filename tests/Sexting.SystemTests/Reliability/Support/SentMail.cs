using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>One SendGrid v3 mail/send payload (as the stub received it, or as an outbox file holds it).</summary>
public sealed partial record SentMail(string Kind, string? ReferralId, string IdempotencyKey, string To, string Text)
{
    public static SentMail Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var args = root.GetProperty("custom_args");
        string? Arg(string name) => args.TryGetProperty(name, out var v) ? v.GetString() : null;
        var to = root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString()!;
        var text = root.GetProperty("content").EnumerateArray().First(c => c.GetProperty("type").GetString() == "text/plain").GetProperty("value").GetString()!;
        return new SentMail(Arg("kind")!, Arg("referralId"), Arg("idempotencyKey") ?? "", to, text);
    }

    /// <summary>The first decision or education link in the message (absolute, under PublicBaseUrl).</summary>
    public string? Link(string kind) => LinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(v => v.Contains("/api/" + kind + "/", StringComparison.Ordinal));

    [GeneratedRegex(@"https?://[^\s""<>]+")]
    private static partial Regex LinkPattern();
}
