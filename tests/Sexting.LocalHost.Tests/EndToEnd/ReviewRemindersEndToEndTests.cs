using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Azure.Data.Tables;
using Sexting.LocalHost.Tests.Support;
using Sexting.TestSupport;
using AzuriteFixture = Sexting.LocalHost.Tests.Support.AzuriteFixture;
using RepositoryRoot = Sexting.TestSupport.RepositoryRoot;

namespace Sexting.LocalHost.Tests.EndToEnd;

/// <summary>
/// Contract §5 and §7 end to end: Azurite and the local host as processes, a review timer every two
/// seconds and education due three seconds after authorisation, used as a school, a line manager
/// and a youth officer would use it, through HTTP and the email outbox only. It uses this assembly's
/// Azurite (one for all its test classes) under a table prefix of its own.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewRemindersEndToEndTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private const string FunctionKey = "reminders-function-key-not-a-secret";

    private readonly string _outbox = Directory.CreateTempSubdirectory("sexting-e2e-outbox-").FullName;
    private readonly string _prefix = Sexting.TestSupport.AzuriteFixture.NewTablePrefix();
    private ProcessRunner _host = null!;
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        var port = Ports.GetFree();
        var baseUrl = $"http://127.0.0.1:{port}";
        var dll = LocalHostDll();
        _host = ProcessRunner.Start("dotnet", [dll], environment: new Dictionary<string, string?>
        {
            ["ASPNETCORE_URLS"] = baseUrl,
            ["PublicBaseUrl"] = baseUrl,
            ["AzureWebJobsStorage"] = azurite.ConnectionString,
            ["Tables__ConnectionString"] = azurite.ConnectionString,
            ["Tables__TablePrefix"] = _prefix,
            ["LocalHost__TaskHub"] = _prefix,
            ["LocalHost__WorkerId"] = "e2e-" + _prefix,
            ["Email__Mode"] = "Outbox",
            ["Email__OutboxPath"] = _outbox,
            ["Reminders__Schedule"] = "*/2 * * * * *",
            ["Education__DueAfter"] = "00:00:03",
            ["Policy__NextReviewDate"] = "2099-01-01",
            ["LocalHost__FunctionKey"] = FunctionKey,
        }, name: "local host");
        await Ports.WaitUntilListeningAsync([port], TimeSpan.FromSeconds(90), _host);
        _http = new HttpClient { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("x-functions-key", FunctionKey);
    }

    public async Task DisposeAsync()
    {
        _http?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        var tables = new TableServiceClient(azurite.ConnectionString);
        await foreach (var table in tables.QueryAsync(TableServiceClient.CreateQueryFilter($"TableName ge {_prefix} and TableName lt {_prefix + "~"}")))
        {
            await tables.DeleteTableAsync(table.Name);
        }

        Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task Referral_AuthorisedThenPastDue_OneReminderPerDayThenDeliveredViaReminderLinkCloses()
    {
        // The school reports (contract §2).
        using var submitted = await _http.PostAsync("/api/referrals", new StringContent(ReferralJson.Replace("{discoveredOn}", DateTime.UtcNow.AddDays(-7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal), Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, submitted.StatusCode);
        using var receipt = JsonDocument.Parse(await submitted.Content.ReadAsStringAsync());
        var id = receipt.RootElement.GetProperty("referralId").GetString()!;

        // The reporter confirms their address (contract §11).
        await Sexting.TestSupport.ReporterConfirmations.ConfirmFromOutboxAsync(_http, _outbox, id);

        // Staff sign in through the development sign-in (contract §9); one person of both roles here.
        using (var signIn = await _http.PostAsync("/.auth/login/aad", new FormUrlEncodedContent(
            [new("name", "Chris Officer"), new("email", "chris.officer@police.example"), new("roles", "AuthorisingManager YouthOfficer Force.DevonAndCornwall"), new("post_login_redirect_uri", "/.auth/me")])))
        {
            Assert.Equal(HttpStatusCode.OK, signIn.StatusCode); // the redirect to /.auth/me, followed
        }

        // The line manager authorises through the link in the outbox (contract §4.4, §5).
        var request = await SingleEmailAsync("AuthorisationRequest");
        var approval = LinkIn(request, "approvals");
        using var authorised = await _http.PostAsync(approval, new FormUrlEncodedContent(
            [new("decision", "authorise"), new("rationale", "No aggravating factors")]));
        Assert.Equal(HttpStatusCode.OK, authorised.StatusCode);
        await SingleEmailAsync("YouthTeamNotification");

        // Due three seconds after authorisation; the timer runs every two: one reminder for today's key.
        var reminder = await SingleEmailAsync("EducationReminder");
        Assert.Equal("dc-youth-team@police.example", reminder.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal(id, reminder.RootElement.GetProperty("custom_args").GetProperty("referralId").GetString());
        await Task.Delay(TimeSpan.FromSeconds(5)); // at least two more timer runs
        Assert.Single(OutboxFiles("EducationReminder"));
        var view = await CaseAsync(id);
        Assert.Equal("EducationAndIntervention", view.GetProperty("status").GetString());
        Assert.Single(Events(view), e => e == "EducationReminderSent");

        // The youth officer confirms delivery through the reminder's fresh link (contract §5).
        var education = LinkIn(reminder, "education");
        using var delivered = await _http.PostAsync(education, new FormUrlEncodedContent(
            [new("notes", "Session held"), new("delivered.YP1", "on")]));
        Assert.Equal(HttpStatusCode.OK, delivered.StatusCode);
        view = await UntilAsync(async () => await CaseAsync(id), v => v.GetProperty("status").GetString() == "Closed", "the case closed");
        Assert.Equal("Chris Officer (chris.officer@police.example)", view.GetProperty("education").GetProperty("deliveredBy").GetString());
        Assert.Equal(JsonValueKind.String, view.GetProperty("education").GetProperty("deliveredAt").ValueKind);
        Assert.Equal("EducationDelivered", Events(view)[^1]);

        // Closed: no more reminders, and every education link of the case is spent (410).
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Single(OutboxFiles("EducationReminder"));
        using var again = await _http.PostAsync(education, new FormUrlEncodedContent([new("notes", "again")]));
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    private static List<string> Events(JsonElement view) =>
        view.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()!).ToList();

    private async Task<JsonElement> CaseAsync(string id)
    {
        using var response = await _http.GetAsync("/api/referrals/" + id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.Clone();
    }

    private string[] OutboxFiles(string kind) => Directory.GetFiles(_outbox, kind + "-*.json");

    private async Task<JsonDocument> SingleEmailAsync(string kind)
    {
        var file = await UntilAsync(() => Task.FromResult(OutboxFiles(kind)), files => files.Length > 0, kind + " in the outbox");
        return JsonDocument.Parse(await File.ReadAllTextAsync(Assert.Single(file)));
    }

    private string LinkIn(JsonDocument email, string path)
    {
        var text = email.RootElement.GetProperty("content")[0].GetProperty("value").GetString()!;
        var match = Regex.Match(text, Regex.Escape(_http.BaseAddress!.AbsoluteUri.TrimEnd('/')) + "/api/" + path + @"/[^\s""<>]+");
        Assert.True(match.Success, $"No /api/{path}/ link in the email");
        return match.Value;
    }

    private async Task<T> UntilAsync<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (_host.HasExited || DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}. Local host output:\n{_host.Output}");
            }

            await Task.Delay(200);
        }
    }

    // The local host built beside these tests, in the same configuration.
    private static string LocalHostDll()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var path = Path.Combine(RepositoryRoot.Path, "src", "Sexting.LocalHost", "bin", output.Parent!.Name, output.Name, "Sexting.LocalHost.dll");
        Assert.True(File.Exists(path), "The local host is not built: " + path);
        return path;
    }

    private const string ReferralJson = """
        {
          "forceArea": "DevonAndCornwall",
          "setting":  { "name": "Exe Valley Academy", "urn": "123456", "postcode": "EX1 1AA" },
          "reporter": { "name": "Jo Bloggs", "role": "DesignatedSafeguardingLead", "email": "dsl@exevalley.example", "phone": "01392 000000" },
          "incident": { "discoveredOn": "{discoveredOn}", "summary": "An image was shared between two pupils.", "sharedBeyondIntendedRecipient": false },
          "youngPeople": [
            { "reference": "YP1", "name": "Alex Example", "dateOfBirth": "2011-05-01", "role": "Sender",
              "email": null, "parentCarer": { "name": "Sam Example", "email": "sam@family.example" } }
          ],
          "adultsInvolved": [],
          "concerns": { "immediateRiskOfHarm": false, "vulnerabilityNotes": "" },
          "imageryHandling": { "viewedBySetting": false, "copiedOrStoredBySetting": false }
        }
        """;
}
