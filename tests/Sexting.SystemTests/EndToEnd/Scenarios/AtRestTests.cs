using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §12 over HTTP: cases with a distinctive string in every personal field go through both
/// routes (authorised and delivered; consulted and declined), then every table entity, queue message
/// and blob of the host's Azurite (app tables and durable task hub) and the host's log are read:
/// none of the strings is there, nor any force's configured mailbox (in storage), while the case ids and
/// the activities' inputs are (so the scan sees what is stored, the durable history included). The
/// timeline's chain verifies, and the subject-access export holds it all, over the routes of contract §10.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class AtRestTests : IClassFixture<AtRestTests.Host>
{
    private const string Administrator = "Administrator Force.DevonAndCornwall";
    private readonly Host _host;

    public AtRestTests(Host host) => _host = host;

    [Fact]
    public async Task Storage_CasesThroughBothRoutes_NoPersonalTextAnywhereAndTimelinesVerify()
    {
        var api = _host.Api;
        var outbox = _host.Outbox;

        // Authorised, then education delivered.
        var first = Distinctive("Qa");
        var authorised = (await api.SubmitAcceptedAsync(Referral(first))).ReferralId;
        await api.ConfirmReporterAsync(authorised); // contract §11
        var request = await outbox.WaitForOneAsync(authorised, "AuthorisationRequest");
        await api.WaitForEventAsync(authorised, "AuthorisationRequested");
        Assert.Equal(HttpStatusCode.OK, (await api.DecideAsync(request.Link, "authorise", first.Manager, first.Rationale)).Status);
        var youth = await outbox.WaitForOneAsync(authorised, "YouthTeamNotification");
        Assert.Equal(HttpStatusCode.OK, (await api.ConfirmEducationAsync(youth.Link, first.Officer, first.Notes, false, "YP1")).Status);
        await api.WaitForStatusAsync(authorised, "Closed");

        // Consulted, then declined: investigation.
        var second = Distinctive("Qb");
        var declined = (await api.SubmitAcceptedAsync(Referral(second))).ReferralId;
        await api.ConfirmReporterAsync(declined); // contract §11
        var link = (await outbox.WaitForOneAsync(declined, "AuthorisationRequest")).Link;
        await api.WaitForEventAsync(declined, "AuthorisationRequested");
        Assert.Equal(HttpStatusCode.OK, (await api.DecideAsync(link, "consult", second.Manager, second.Advice)).Status);
        await api.WaitForEventAsync(declined, "SafeguardingExpertConsulted");
        Assert.Equal(HttpStatusCode.OK, (await api.DecideAsync(link, "decline", second.Manager, second.Rationale)).Status);
        await api.WaitForCaseAsync(declined, c => CaseJson.Status(c) == "ReferredForInvestigation" && CaseJson.Events(c).Contains("InvestigationReferralSent"), "the decline recorded");
        // v4 (contract §4.3, §10): the setting is told once an investigator accepts.
        Assert.Equal(HttpStatusCode.OK, (await api.AcceptInvestigationAsync(declined)).Status);
        var @case = await api.WaitForCaseAsync(declined, c => CaseJson.Status(c) == "UnderInvestigation" && CaseJson.Entries(c, "SettingNotified").Count >= 2, "the acceptance recorded and the setting told");

        // The app itself still reads them (the scan below would pass on an empty store otherwise).
        Assert.Contains(second.Rationale, CaseJson.Entries(@case, "Declined")[0].GetProperty("detail").GetString(), StringComparison.Ordinal);

        var stored = await AtRestScan.ReadAllAsync(_host.Azurite.ConnectionString);
        Assert.Contains(authorised, stored, StringComparison.Ordinal);
        Assert.Contains(declined, stored, StringComparison.Ordinal);
        // It reads the durable task hub's history too, decoded: the activities' inputs are there, each naming
        // a force's mailbox by the placeholder its activity replaces when it sends (in the sealed timeline).
        Assert.Contains(_host.TaskHub.ToLowerInvariant() + "history", stored, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Outcome 21 proposed to {mailbox}", stored, StringComparison.Ordinal);
        Assert.Contains("Youth team ({mailbox}) asked to deliver education by", stored, StringComparison.Ordinal);
        Assert.Contains("Referred for investigation to {mailbox}", stored, StringComparison.Ordinal);
        // Contract §12: no address of any force's configured mailboxes is readable anywhere, the task hub included.
        foreach (var mailbox in ForceContacts.ForceAreas.SelectMany(f => ForceContacts.For(f).All))
        {
            Assert.False(stored.Contains(mailbox, StringComparison.OrdinalIgnoreCase), $"'{mailbox}' is readable in storage");
        }

        var log = await File.ReadAllTextAsync(_host.Host.LogPath);
        foreach (var text in first.All.Concat(second.All))
        {
            Assert.False(stored.Contains(text, StringComparison.OrdinalIgnoreCase), $"'{text}' is readable in storage");
            Assert.False(log.Contains(text, StringComparison.OrdinalIgnoreCase), $"'{text}' is in the host's log");
        }

        // Contract §10 verify: an Administrator of the force; nobody else.
        var admin = await api.StaffAsync("Audit Example", Administrator);
        foreach (var id in new[] { authorised, declined })
        {
            var verdict = await admin.GetFromJsonAsync<JsonElement>($"/api/cases/{id}/verify");
            Assert.True(verdict.GetProperty("intact").GetBoolean(), verdict.ToString());
            Assert.True(verdict.GetProperty("entries").GetInt32() >= 6, verdict.ToString());
        }

        using var signedOut = new HttpClient { BaseAddress = api.BaseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedOut.GetAsync($"/api/cases/{authorised}/verify")).StatusCode);
        var manager = await api.StaffAsync("DI Example Manager");
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/cases/{authorised}/verify")).StatusCode);
        var otherForce = await api.StaffAsync("Audit Elsewhere", "Administrator Force.Dorset");
        Assert.Equal(HttpStatusCode.Forbidden, (await otherForce.GetAsync($"/api/cases/{authorised}/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/cases/{Guid.NewGuid():N}/verify")).StatusCode);

        // Contract §10 export: everything held about the case, for an Administrator of its force.
        using var exported = await admin.GetAsync($"/api/cases/{authorised}/export");
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.Equal("no-store", exported.Headers.CacheControl?.ToString());
        var export = await exported.Content.ReadAsStringAsync();
        foreach (var text in first.All.Where(t => t != first.Advice)) // this case had no consultation
        {
            Assert.Contains(text, export, StringComparison.OrdinalIgnoreCase);
        }

        using var json = JsonDocument.Parse(export);
        var root = json.RootElement;
        Assert.Equal(authorised, root.GetProperty("case").GetProperty("referralId").GetString());
        Assert.Equal(3, root.GetProperty("links").GetArrayLength()); // the reporter's confirmation (contract §11), the authorisation request, the youth team's
        Assert.Equal(3, root.GetProperty("linkUses").GetArrayLength()); // confirmed by the reporter, authorised, delivered
        Assert.Equal(2, root.GetProperty("peopleIndex").GetArrayLength()); // YP1, YP2
        Assert.Contains(root.GetProperty("emailsSent").EnumerateArray(), e => e.GetProperty("event").GetString() == "YouthTeamNotified");
        Assert.DoesNotContain(request.Link.Segments[^1], export, StringComparison.Ordinal); // no token
        Assert.DoesNotContain("tokenHash", export, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.Forbidden, (await manager.GetAsync($"/api/cases/{authorised}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherForce.GetAsync($"/api/cases/{authorised}/export")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await signedOut.GetAsync($"/api/cases/{authorised}/export")).StatusCode);
    }

    private static Strings Distinctive(string tag)
    {
        var n = Guid.NewGuid().ToString("N")[..6];
        string Word(string what) => tag + what + n; // a single token, so a match can only be this field
        return new Strings(
            Setting: Word("Setting"), Reporter: Word("Reporter"), ReporterEmail: Word("rep").ToLowerInvariant() + "@school.example",
            Phone: "07700 9" + n.Select(c => (c % 10).ToString(System.Globalization.CultureInfo.InvariantCulture)).Aggregate(string.Concat),
            Summary: Word("Summary"), Vulnerability: Word("Ehcp"), Child1: Word("Childa"), Child2: Word("Childb"),
            ChildEmail: Word("pupil").ToLowerInvariant() + "@pupil.example", Parent1: Word("Parenta"), Parent2: Word("Parentb"),
            ParentEmail: Word("fam").ToLowerInvariant() + "@family.example",
            Manager: "DI " + Word("Manager"), Rationale: Word("Rationale"), Advice: Word("Question"),
            Officer: "PC " + Word("Officer"), Notes: Word("Notes"));
    }

    private static JsonObject Referral(Strings s)
    {
        var referral = SampleReferral.Create();
        referral["setting"]!["name"] = s.Setting + " Academy";
        referral["reporter"]!["name"] = s.Reporter + " Example";
        referral["reporter"]!["email"] = s.ReporterEmail;
        referral["reporter"]!["phone"] = s.Phone;
        referral["incident"]!["summary"] = "Shared by " + s.Summary + " at break.";
        referral["concerns"]!["vulnerabilityNotes"] = "Has a plan: " + s.Vulnerability;
        var young = referral["youngPeople"]!.AsArray();
        young[0]!["name"] = s.Child1 + " Example";
        young[0]!["email"] = s.ChildEmail;
        young[0]!["parentCarer"]!["name"] = s.Parent1 + " Example";
        young[0]!["parentCarer"]!["email"] = s.ParentEmail;
        young[1]!["name"] = s.Child2 + " Example";
        young[1]!["parentCarer"]!["name"] = s.Parent2 + " Example";
        return referral;
    }

    /// <summary>The distinctive strings of one case; the staff names reach storage as signed in, with their derived addresses.</summary>
    private sealed record Strings(
        string Setting, string Reporter, string ReporterEmail, string Phone, string Summary, string Vulnerability,
        string Child1, string Child2, string ChildEmail, string Parent1, string Parent2, string ParentEmail,
        string Manager, string Rationale, string Advice, string Officer, string Notes)
    {
        public IEnumerable<string> All =>
        [
            Setting, Reporter, ReporterEmail, Phone, Summary, Vulnerability, Child1, Child2, ChildEmail, Parent1, Parent2, ParentEmail,
            Manager[3..], Rationale, Advice, Officer[3..], Notes,
        ];
    }

    /// <summary>A host of its own: its Azurite holds only what these cases and the host put there.</summary>
    public sealed class Host : WorkflowHost
    {
        public Host()
            : base("atrest", persistAzurite: false)
        {
        }
    }
}
