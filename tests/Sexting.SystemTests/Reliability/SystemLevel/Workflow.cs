using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sexting.SystemTests.Reliability.Intake;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.Reliability.SystemLevel;

/// <summary>Drives the local host over HTTP as a school, a line manager and a reader of cases would.</summary>
public static class Workflow
{
    /// <summary>A valid referral with a young person of its own (a shared one would make later ones repeats, §3.4.6).</summary>
    public static string Referral(Guid submissionId, int number)
    {
        var node = ValidReferral.Node(submissionId);
        node["youngPeople"]![0]!["name"] = ValidReferral.YoungPersonName + " " + Letters(submissionId);
        node["youngPeople"]![0]!["dateOfBirth"] = new DateOnly(2010, 1, 1).AddDays(number % 1500).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return node.ToJsonString();
    }

    public static async Task<(HttpStatusCode Status, string? ReferralId, string? CrimeReference, HttpResponseMessage Response)> SubmitAsync(HttpClient http, string json)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.PostAsync("api/referrals", content);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
        {
            var receipt = JsonNode.Parse(body)!;
            return (response.StatusCode, (string?)receipt["referralId"], (string?)receipt["crimeReference"], response);
        }

        return (response.StatusCode, null, null, response);
    }

    public static async Task<string?> StatusAsync(HttpClient http, string referralId)
    {
        ArgumentNullException.ThrowIfNull(http);
        using var response = await http.GetAsync("api/referrals/" + referralId);
        if (!response.IsSuccessStatusCode)
        {
            return "HTTP " + (int)response.StatusCode;
        }

        return (string?)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"];
    }

    public static async Task<JsonNode> CaseAsync(HttpClient http, string referralId)
    {
        ArgumentNullException.ThrowIfNull(http);
        return JsonNode.Parse(await http.GetStringAsync("api/referrals/" + referralId))!;
    }

    /// <summary>Polls until every referral has <paramref name="status"/>; fails after <paramref name="timeout"/> naming those that have not.</summary>
    public static async Task WaitForStatusAsync(HttpClient http, IReadOnlyCollection<string> referralIds, string status, TimeSpan timeout, int parallel = 8)
    {
        var deadline = DateTime.UtcNow + timeout;
        var pending = referralIds.ToList();
        while (true)
        {
            var statuses = new string?[pending.Count];
            await Parallel.ForEachAsync(Enumerable.Range(0, pending.Count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
                async (i, _) => statuses[i] = await StatusAsync(http, pending[i]));
            pending = pending.Where((_, i) => statuses[i] != status).ToList();
            if (pending.Count == 0)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{pending.Count} of {referralIds.Count} not {status} after {timeout}; e.g. {pending[0]} is {await StatusAsync(http, pending[0])}");
            }

            await Task.Delay(500);
        }
    }

    public static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, Func<string> describe)
    {
        ArgumentNullException.ThrowIfNull(condition);
        var deadline = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Not reached within {timeout}: {describe()}");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>
    /// POSTs the authorise form to an absolute approval link, signed in as a manager of both forces
    /// (the client signs in once through the development sign-in and keeps its cookie); the status code.
    /// </summary>
    /// <summary>
    /// Contract §11: each referral's reporter confirms with the link of their acknowledgement, read by
    /// <paramref name="acknowledgementText"/> (the SendGrid stub's or the outbox's copy), as a school would.
    /// </summary>
    public static async Task ConfirmReportersAsync(HttpClient http, IReadOnlyCollection<string> referralIds, Func<string, string?> acknowledgementText, TimeSpan timeout, int parallel = 8)
    {
        await WaitUntilAsync(() => referralIds.All(id => acknowledgementText(id) is not null), timeout, () => "acknowledgements with confirmation links");
        await Parallel.ForEachAsync(referralIds, new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (id, _) =>
            await Sexting.TestSupport.ReporterConfirmations.ConfirmAsync(http, Sexting.TestSupport.ReporterConfirmations.LinkIn(acknowledgementText(id)!)
                ?? throw new InvalidOperationException($"The acknowledgement of {id} has no confirmation link.")));
    }

    public static async Task<HttpStatusCode> AuthoriseAsync(HttpClient http, string link)
    {
        ArgumentNullException.ThrowIfNull(http);
        await SignedIn.GetValue(http, SignInAsync);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(link).PathAndQuery.TrimStart('/'))
        {
            Content = new FormUrlEncodedContent([new("decision", "authorise"), new("rationale", "No aggravating factors.")]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<HttpClient, Task> SignedIn = [];

    private static async Task SignInAsync(HttpClient http)
    {
        using var form = new FormUrlEncodedContent(
        [
            new("name", "Reliability Manager"),
            new("email", "reliability.manager@police.example"),
            new("roles", "AuthorisingManager Force.DevonAndCornwall Force.Dorset"),
            new("post_login_redirect_uri", "/.auth/me"),
        ]);
        using var response = await http.PostAsync(".auth/login/aad", form);
        response.EnsureSuccessStatusCode(); // the redirect to /.auth/me, followed
    }

    /// <summary>The personal strings of every referral these helpers make, and the secrets, for the log scan (item 5).</summary>
    public static IEnumerable<string> Forbidden(IEnumerable<Guid> submissions) =>
        ValidReferral.Personal.Concat(submissions.Select(Letters)).Append(SendGridStub.ApiKey).Append(Support.ReliabilityHost.FunctionKey);

    public static string Leaks(string log, IEnumerable<string> forbidden) =>
        string.Join(", ", forbidden.Where(f => log.Contains(f, StringComparison.OrdinalIgnoreCase)).Take(10));

    // Letters only, so the name stays a plain name and unique per submission.
    private static string Letters(Guid id) => "Q" + string.Concat(id.ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));
}
