using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sexting.EndToEndTests.Client;

/// <summary>The product's HTTP surface (contract §2, §3, §5), used as a school, a manager and a youth officer would.</summary>
public sealed class ReferralApi(Uri baseAddress, string functionKey, Func<string> hostLog)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public Uri BaseAddress { get; } = baseAddress;

    /// <summary>A school's submission: POST /api/referrals with JSON.</summary>
    public async Task<Submission> SubmitAsync(JsonObject referral)
    {
        using var content = new StringContent(referral.ToJsonString(), Encoding.UTF8, "application/json");
        using var response = await Http.PostAsync(new Uri(BaseAddress, "api/referrals"), content);
        var body = await response.Content.ReadAsStringAsync();
        return new Submission(response.StatusCode, body, response.Headers.Location?.OriginalString);
    }

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

    /// <summary>Opens a link as a browser or a mail scanner would.</summary>
    public async Task<(HttpStatusCode Status, string Body, string? MediaType)> OpenAsync(Uri link)
    {
        using var response = await Http.GetAsync(link);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The manager's decision form (contract §5), posted as the page's form would post it.</summary>
    public Task<(HttpStatusCode Status, string Body, string? MediaType)> DecideAsync(Uri link, string decision, string? managerName, string? rationale, bool json = false) =>
        PostFormAsync(link, json, ("decision", decision), ("managerName", managerName), ("rationale", rationale));

    /// <summary>The youth officer's education-delivered form (contract §5).</summary>
    public Task<(HttpStatusCode Status, string Body, string? MediaType)> ConfirmEducationAsync(Uri link, string? officerName, string? notes, bool json = false) =>
        PostFormAsync(link, json, ("officerName", officerName), ("notes", notes));

    private static async Task<(HttpStatusCode Status, string Body, string? MediaType)> PostFormAsync(Uri link, bool json, params (string Name, string? Value)[] fields)
    {
        using var content = new FormUrlEncodedContent(fields.Where(f => f.Value is not null).Select(f => KeyValuePair.Create(f.Name, f.Value!)));
        using var request = new HttpRequestMessage(HttpMethod.Post, link) { Content = content };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(json ? "application/json" : "text/html"));
        using var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(), response.Content.Headers.ContentType?.MediaType);
    }
}
