using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>The product's HTTP surface (contract §2, §3, §5), used as a school, a manager and a youth officer would.</summary>
public sealed class ReferralApi(Uri baseAddress, string functionKey, Func<string> hostLog, string? outboxPath = null)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<string, Lazy<Task<HttpClient>>> _staff = new();

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>A school's submission: POST /api/referrals with JSON.</summary>
    public async Task<Submission> SubmitAsync(JsonObject referral)
    {
        using var content = new StringContent(referral.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(BaseAddress, "api/referrals"), content);
        var body = await response.Content.ReadAsStringAsync();
        return new Submission(response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

    /// <summary>Contract §11: the reporter confirms with the link of their acknowledgement (read from the outbox).</summary>
    public Task ConfirmReporterAsync(string referralId) =>
        Sexting.TestSupport.ReporterConfirmations.ConfirmFromOutboxAsync(
            Http, outboxPath ?? throw new InvalidOperationException("This client has no outbox to read the confirmation link from."), referralId, Waits.Default);

    /// <summary>Submits and expects 202 Accepted; returns the referral id.</summary>
    public async Task<Submission> SubmitAcceptedAsync(JsonObject referral)
    {
        var submission = await SubmitAsync(referral);
        Assert.True(submission.Status == HttpStatusCode.Accepted, $"Expected 202, got {(int)submission.Status}: {submission.Body}");
        return submission;
    }

    /// <summary>GET /api/referrals/{id} with the function key in the header, in the query, wrong, or not at all.</summary>
    public async Task<(HttpStatusCode Status, string Body)> ReadAsync(string referralId, KeyUse key = KeyUse.Header)
    {
        var path = "api/referrals/" + referralId;
        if (key == KeyUse.Query)
        {
            path += "?code=" + Uri.EscapeDataString(functionKey);
        }

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, path));
        if (key == KeyUse.Header)
        {
            request.Headers.Add("x-functions-key", functionKey);
        }
        else if (key == KeyUse.Wrong)
        {
            request.Headers.Add("x-functions-key", functionKey + "x");
        }

        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>GET /api/reports/summary (contract §8) with the function key; fails unless 200.</summary>
    public async Task<JsonElement> GetSummaryAsync(DateOnly from, DateOnly to)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(BaseAddress, $"api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"));
        request.Headers.Add("x-functions-key", functionKey);
        using var response = await Http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET summary: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Polls until the case answers 404 (deleted, contract §12).</summary>
    public async Task WaitForGoneAsync(string referralId, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Waits.Default;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var (status, body) = await ReadAsync(referralId);
            if (status == HttpStatusCode.NotFound)
            {
                return;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit} for referral {referralId} to be deleted; it answers {(int)status}:\n{body}\nHost log:\n{hostLog()}");
            }

            await Task.Delay(Waits.PollInterval);
        }
    }

    /// <summary>The case as JSON (contract §3); fails unless 200.</summary>
    public async Task<JsonElement> GetCaseAsync(string referralId)
    {
        var (status, body) = await ReadAsync(referralId);
        Assert.True(status == HttpStatusCode.OK, $"GET case {referralId}: {(int)status} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>Polls the case until it has <paramref name="status"/>.</summary>
    public async Task<JsonElement> WaitForStatusAsync(string referralId, string status, TimeSpan? timeout = null) =>
        await WaitForCaseAsync(referralId, c => c.GetProperty("status").GetString() == status, "status " + status, timeout);

    /// <summary>Polls the case until its timeline holds <paramref name="timelineEvent"/>.</summary>
    public async Task<JsonElement> WaitForEventAsync(string referralId, string timelineEvent, TimeSpan? timeout = null) =>
        await WaitForCaseAsync(referralId, c => CaseJson.Events(c).Contains(timelineEvent), "timeline event " + timelineEvent, timeout);

    public async Task<JsonElement> WaitForCaseAsync(string referralId, Func<JsonElement, bool> condition, string what, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Waits.Default;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var @case = await GetCaseAsync(referralId);
            if (condition(@case))
            {
                return @case;
            }

            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit} for {what} of referral {referralId}; the case is:\n{@case}\nHost log:\n{hostLog()}");
            }

            await Task.Delay(Waits.PollInterval);
        }
    }

    /// <summary>The roles staff sign in with unless a test says otherwise: a manager and a youth officer of both forces.</summary>
    public const string StaffRoles = "AuthorisingManager YouthOfficer Force.DevonAndCornwall Force.Dorset";

    private const string DefaultStaffName = "DI Example Manager";

    /// <summary>The roles <see cref="OpenAsync"/>, <see cref="DecideAsync"/> and <see cref="ConfirmEducationAsync"/> sign in with.</summary>
    public string StaffRolesInUse { get; set; } = StaffRoles;

    /// <summary>Opens a link in a signed-in member of staff's browser.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? MediaType)> OpenAsync(Uri link, string? staffName = null)
    {
        var browser = await StaffAsync(staffName ?? DefaultStaffName, StaffRolesInUse);
        using var response = await browser.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Opens a link signed out, as a mail scanner would.</summary>
    public async Task<(HttpStatusCode Status, string? Location)> OpenSignedOutAsync(Uri link)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        using var response = await client.GetAsync(link);
        return (response.StatusCode, response.Headers.Location?.OriginalString);
    }

    /// <summary>The manager's decision form (contract §5), posted as the page's form would post it, by <paramref name="managerName"/> signed in.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? MediaType)> DecideAsync(Uri link, string decision, string? managerName, string? rationale, bool json = false) =>
        await PostFormAsync(await StaffAsync(managerName ?? DefaultStaffName, StaffRolesInUse), link, json, ("decision", decision), ("rationale", rationale));

    /// <summary>The youth officer's education-delivered form (contract §5), by <paramref name="officerName"/> signed in, for every young person <paramref name="delivered"/>.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? MediaType)> ConfirmEducationAsync(Uri link, string? officerName, string? notes, bool json = false, params string[] delivered) =>
        await PostFormAsync(await StaffAsync(officerName ?? "PC Example Officer", StaffRolesInUse), link, json,
            [("notes", notes), .. delivered.Select(reference => ("delivered." + reference, (string?)"on"))]);

    /// <summary>An investigator of both forces accepts the referral for investigation from the workspace (contract §10), as JSON.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? MediaType)> AcceptInvestigationAsync(string referralId) =>
        await PostFormAsync(await StaffAsync("DS Example Investigator", "Investigator Force.DevonAndCornwall Force.Dorset"),
            new Uri(BaseAddress, "api/cases/" + referralId + "/investigation/accept"), json: true);

    /// <summary>
    /// A browser of a member of staff signed in through the local host's development sign-in
    /// (contract §9), as a person signs in: the sign-in form posted, its session cookie kept.
    /// </summary>
    public async Task<HttpClient> StaffAsync(string name, string roles = StaffRoles) =>
        await _staff.GetOrAdd(name + "|" + roles, _ => new Lazy<Task<HttpClient>>(() => SignInAsync(name, roles))).Value;

    private async Task<HttpClient> SignInAsync(string name, string roles)
    {
        var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        var email = new string([.. name.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '.')]) + "@police.example";
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = name,
            ["email"] = email,
            ["roles"] = roles,
            ["post_login_redirect_uri"] = "/.auth/me",
        });
        using var response = await browser.PostAsync(new Uri("/.auth/login/aad", UriKind.Relative), form);
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Development sign-in answered {(int)response.StatusCode}:\n{hostLog()}");
        }

        return browser;
    }

    private static async Task<(HttpStatusCode Status, string Body, string? MediaType)> PostFormAsync(HttpClient browser, Uri link, bool json, params (string Name, string? Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!)));
        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(json ? "application/json" : "text/html"));
        using var response = await browser.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
