using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>One email as the outbox holds it: a SendGrid v3 <c>mail/send</c> payload (contract §6).</summary>
public sealed partial record OutboxMessage(string FileName, string Kind, string? ReferralId, string To, string Subject, string Text, string Html)
{
    /// <summary>Every decision link in the text/plain content, in order.</summary>
    public IReadOnlyList<Uri> Links =>
        LinkPattern().Matches(Text).Select(m => new Uri(m.Value)).Distinct().ToList();

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

    public static OutboxMessage Parse(string fileName, string json)
    {
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        var args = root.GetProperty("custom_args");
        var content = root.GetProperty("content").EnumerateArray().ToDictionary(
            c => c.GetProperty("type").GetString()!, c => c.GetProperty("value").GetString()!);
        var personalization = root.GetProperty("personalizations")[0];
        var subject = root.TryGetProperty("subject", out var s) ? s.GetString()! : personalization.GetProperty("subject").GetString()!;
        return new OutboxMessage(
            fileName,
            args.GetProperty("kind").GetString()!,
            args.TryGetProperty("referralId", out var id) ? id.GetString() : null,
            personalization.GetProperty("to")[0].GetProperty("email").GetString()!,
            subject,
            content.GetValueOrDefault("text/plain", ""),
            content.GetValueOrDefault("text/html", ""));
    }

    [GeneratedRegex(@"https?://[^\s<>""']+/api/(?:approvals|education)/[A-Za-z0-9._~%-]+")]
    private static partial Regex LinkPattern();
}
