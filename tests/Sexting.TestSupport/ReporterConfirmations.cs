using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Sexting.TestSupport;

/// <summary>
/// Contract §11 for every harness: read the confirmation link from a referral's acknowledgement (in
/// the outbox, or in any message text) and POST it as the reporter would, so a test of what comes
/// after confirmation gets there the way a school would.
/// </summary>
public static partial class ReporterConfirmations
{
    /// <summary>The confirmation link in a message's text, or null.</summary>
    public static Uri? LinkIn(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = LinkPattern().Match(text);
        return match.Success ? new Uri(match.Value) : null;
    }

    /// <summary>Waits for the referral's <c>IntakeAcknowledgement</c> in the outbox folder and returns its confirmation link.</summary>
    public static async Task<Uri> WaitForLinkAsync(string outboxPath, string referralId, TimeSpan? timeout = null)
    {
        var limit = timeout ?? TimeSpan.FromSeconds(60);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Directory.Exists(outboxPath))
            {
                foreach (var file in Directory.EnumerateFiles(outboxPath, "*.json"))
                {
                    if (Path.GetFileName(file).StartsWith('.') || !file.Contains(referralId, StringComparison.Ordinal) && !File.ReadAllText(file).Contains(referralId, StringComparison.Ordinal))
                    {
                        continue;
                    }

                    if (AcknowledgementText(File.ReadAllText(file), referralId) is { } text && LinkIn(text) is { } link)
                    {
                        return link;
                    }
                }
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"No IntakeAcknowledgement with a confirmation link for referral {referralId} in {outboxPath} after {limit}.");
            }

            await Task.Delay(100).ConfigureAwait(false);
        }
    }

    /// <summary>POSTs a confirmation link (no fields, no sign-in) on <paramref name="http"/>'s host and returns the answer.</summary>
    public static async Task<HttpResponseMessage> PostAsync(HttpClient http, Uri link)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(link);
        var target = http.BaseAddress is { } root ? new Uri(root, link.PathAndQuery) : link;
        using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new FormUrlEncodedContent([]) };
        request.Headers.Accept.ParseAdd("application/json");
        return await http.SendAsync(request).ConfigureAwait(false);
    }

    /// <summary>Reads the referral's confirmation link from the outbox and confirms; throws unless the answer is 200.</summary>
    public static async Task ConfirmFromOutboxAsync(HttpClient http, string outboxPath, string referralId, TimeSpan? timeout = null)
    {
        var link = await WaitForLinkAsync(outboxPath, referralId, timeout).ConfigureAwait(false);
        await ConfirmAsync(http, link).ConfigureAwait(false);
    }

    /// <summary>Confirms with a link; throws unless the answer is 200.</summary>
    public static async Task ConfirmAsync(HttpClient http, Uri link)
    {
        using var response = await PostAsync(http, link).ConfigureAwait(false);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"Confirming {link.AbsolutePath[..Math.Min(link.AbsolutePath.Length, 60)]}… answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>The text/plain content of a SendGrid v3 payload when it is the referral's acknowledgement.</summary>
    public static string? AcknowledgementText(string sendGridJson, string referralId)
    {
        using var document = JsonDocument.Parse(sendGridJson);
        var root = document.RootElement;
        if (!root.TryGetProperty("custom_args", out var args)
            || args.GetProperty("kind").GetString() != "IntakeAcknowledgement"
            || !args.TryGetProperty("referralId", out var id) || id.GetString() != referralId)
        {
            return null;
        }

        return root.GetProperty("content").EnumerateArray()
            .Where(c => c.GetProperty("type").GetString() == "text/plain")
            .Select(c => c.GetProperty("value").GetString())
            .FirstOrDefault();
    }

    [GeneratedRegex(@"https?://[^\s<>""']+/api/confirmations/[A-Za-z0-9._~%-]+")]
    private static partial Regex LinkPattern();
}
