using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sexting.TestSupport.Mail;

/// <summary>
/// One email as a SendGrid v3 <c>mail/send</c> payload (contract §6): a file of the outbox
/// (<c>Email:Mode=Outbox</c>), or a request the <see cref="SendGridStub"/> received.
/// </summary>
public sealed partial record OutboxMessage(
    string FileName, string Kind, string? ReferralId, string IdempotencyKey, string To, string Subject, string Text, string Html)
{
    /// <summary>The whole payload as it was written or received.</summary>
    public string Json { get; init; } = string.Empty;

    /// <summary>Every decision link (approvals, education) in the text/plain content, in order.</summary>
    public IReadOnlyList<Uri> Links =>
        DecisionLinkPattern().Matches(Text).Select(m => new Uri(m.Value)).Distinct().ToList();

    /// <summary>The one decision link of the message; fails if there is not exactly one.</summary>
    public Uri Link
    {
        get
        {
            var links = Links;
            Assert.True(links.Count == 1, $"{Kind} to {To} should carry one decision link, has {links.Count}:\n{Text}");
            return links[0];
        }
    }

    /// <summary>The first absolute link under <c>/api/&lt;<paramref name="kind"/>&gt;/</c> (approvals, education…) in the text, or null.</summary>
    public string? LinkTo(string kind) =>
        AnyLinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(v => v.Contains("/api/" + kind + "/", StringComparison.Ordinal));

    /// <summary>The first absolute link starting <paramref name="prefix"/> (such as <c>http://127.0.0.1:5000/api/approvals/</c>); fails if there is none.</summary>
    public string LinkStarting(string prefix) =>
        AnyLinkPattern().Matches(Text).Select(m => m.Value).FirstOrDefault(v => v.StartsWith(prefix, StringComparison.Ordinal))
        ?? throw new InvalidOperationException($"No link starting {prefix} in the {Kind} email.");

    /// <summary>Parses a payload; <paramref name="fileName"/> is the outbox file's name (empty for one received over HTTP).</summary>
    public static OutboxMessage Parse(string fileName, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var args = root.GetProperty("custom_args");
        string? Arg(string name) => args.TryGetProperty(name, out var v) ? v.GetString() : null;
        var content = root.GetProperty("content").EnumerateArray()
            .GroupBy(c => c.GetProperty("type").GetString()!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().GetProperty("value").GetString()!, StringComparer.Ordinal);
        var personalization = root.GetProperty("personalizations")[0];
        var subject = root.TryGetProperty("subject", out var s) ? s.GetString()
            : personalization.TryGetProperty("subject", out var ps) ? ps.GetString() : null;
        return new OutboxMessage(
            fileName,
            Arg("kind")!,
            Arg("referralId"),
            Arg("idempotencyKey") ?? string.Empty,
            personalization.GetProperty("to")[0].GetProperty("email").GetString()!,
            subject ?? string.Empty,
            content.GetValueOrDefault("text/plain", string.Empty),
            content.GetValueOrDefault("text/html", string.Empty))
        {
            Json = json,
        };
    }

    /// <summary>Parses a payload received over HTTP.</summary>
    public static OutboxMessage Parse(string json) => Parse(string.Empty, json);

    [GeneratedRegex(@"https?://[^\s<>""']+/api/(?:approvals|education)/[A-Za-z0-9._~%-]+")]
    private static partial Regex DecisionLinkPattern();

    [GeneratedRegex(@"https?://[^\s<>""]+", RegexOptions.CultureInvariant)]
    private static partial Regex AnyLinkPattern();
}
