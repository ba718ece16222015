using System.Diagnostics;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Sexting.Bench.Intake;
using Sexting.Bench.Proxy;

namespace Sexting.Bench.Journey;

/// <summary>
/// Drives one case at a time the way its people would (contract §2, §4, §5): a school submits;
/// the reporter confirms with the acknowledgement's link (contract §11); the line manager's <c>AuthorisationRequest</c> arrives in the outbox; the manager authorises
/// through its link; the youth team, carer and school are emailed; the youth team confirms
/// delivery through its link; the orchestration completes. Storage requests are counted by the
/// proxies from the intake to the orchestration's completion. Completion is read straight from
/// Azurite (not through a proxy) so watching costs the count nothing.
/// </summary>
internal sealed partial class CaseJourneyBenchmark(
    HttpClient http, IntakeBenchmark intake, OutboxWatcher outbox, StorageProxies proxies, TableClient instances)
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);
    private static readonly string[] FanOut = ["YouthTeamNotification", "AdviceGuidance", "SettingOutcome"];

    /// <summary>Time after completion for the backend's trailing requests (message deletes) to land in the count.</summary>
    public static TimeSpan Settle { get; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Quiet time before a case: the durable queues' polling backs off to its idle rate again, so
    /// subtracting the idle background measured beforehand is fair to the case's own count.
    /// </summary>
    public static TimeSpan Quiet { get; } = TimeSpan.FromSeconds(2.5);

    public async Task<CaseJourney> RunAsync(CancellationToken cancellationToken)
    {
        if (!_signedIn)
        {
            // Staff sign in once, before anything is measured (contract §9: links need a signed-in person).
            await PostFormAsync(".auth/login/aad", new Dictionary<string, string>
            {
                ["name"] = "Pat Bench",
                ["email"] = "pat.bench@police.example",
                ["roles"] = "AuthorisingManager YouthOfficer Force.DevonAndCornwall Force.Dorset",
                ["post_login_redirect_uri"] = "/.auth/me",
            }, cancellationToken).ConfigureAwait(false);
            _signedIn = true;
        }

        await Task.Delay(Quiet, cancellationToken).ConfigureAwait(false);
        var start = proxies.Take();
        var clock = Stopwatch.StartNew();
        var referralId = await intake.SubmitAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException("The referral was not accepted.");
        var intakeMs = clock.Elapsed.TotalMilliseconds;
        var intakeTraffic = proxies.Take().Since(start);

        // Contract §11: the reporter confirms with the acknowledgement's link before Outcome 21 is proposed.
        var acknowledgement = (await outbox.WaitForAsync(referralId, ["IntakeAcknowledgement"], StepTimeout, cancellationToken).ConfigureAwait(false))[0];
        await PostFormAsync("api/confirmations/" + TokenIn(acknowledgement, ConfirmationLink()), [], cancellationToken).ConfigureAwait(false);

        var request = (await outbox.WaitForAsync(referralId, ["AuthorisationRequest"], StepTimeout, cancellationToken).ConfigureAwait(false))[0];
        var toRequestMs = (request.SeenAt - start.At).TotalMilliseconds;

        var decidedAt = DateTime.UtcNow;
        await PostFormAsync("api/approvals/" + TokenIn(request, ApprovalLink()), new Dictionary<string, string>
        {
            ["decision"] = "authorise",
            ["rationale"] = "Benchmark: fictional case, no aggravating factors.",
        }, cancellationToken).ConfigureAwait(false);
        var fanOut = await outbox.WaitForAsync(referralId, FanOut, StepTimeout, cancellationToken).ConfigureAwait(false);
        var fanOutMs = (fanOut.Max(e => e.SeenAt) - decidedAt).TotalMilliseconds;

        var youthTeam = fanOut.First(e => e.Kind == "YouthTeamNotification");
        await PostFormAsync("api/education/" + TokenIn(youthTeam, EducationLink()), new Dictionary<string, string>
        {
            ["notes"] = "Delivered (benchmark).",
            ["delivered.YP1"] = "on",
        }, cancellationToken).ConfigureAwait(false);
        await WaitForCompletionAsync(referralId, cancellationToken).ConfigureAwait(false);
        await Task.Delay(Settle, cancellationToken).ConfigureAwait(false);

        return new CaseJourney(intakeMs, intakeTraffic, toRequestMs, fanOutMs, proxies.Take().Since(start));
    }

    private static string TokenIn(OutboxEmail email, Regex link)
    {
        var match = link.Match(email.Json);
        return match.Success ? match.Groups[1].Value : throw new InvalidOperationException($"No link in the {email.Kind} email.");
    }

    [GeneratedRegex(@"api/approvals/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex ApprovalLink();

    [GeneratedRegex(@"api/education/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex EducationLink();

    [GeneratedRegex(@"api/confirmations/([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)")]
    private static partial Regex ConfirmationLink();

    private bool _signedIn;

    private async Task PostFormAsync(string path, Dictionary<string, string> fields, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(fields);
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(path, UriKind.Relative)) { Content = content };
        message.Headers.Accept.ParseAdd("application/json");
        using var response = await http.SendAsync(message, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path.Split('/')[1]} answered {(int)response.StatusCode}.");
        }
    }

    private async Task WaitForCompletionAsync(string referralId, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + StepTimeout;
        while (true)
        {
            var row = await instances.GetEntityIfExistsAsync<TableEntity>(referralId, "", ["RuntimeStatus"], cancellationToken).ConfigureAwait(false);
            var status = row.HasValue ? row.Value!.GetString("RuntimeStatus") : null;
            if (status == "Completed")
            {
                return;
            }

            if (status is "Failed" or "Terminated")
            {
                throw new InvalidOperationException($"The orchestration ended {status}.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The orchestration did not complete within {StepTimeout} (status {status ?? "none"}).");
            }

            await Task.Delay(20, cancellationToken).ConfigureAwait(false);
        }
    }
}
