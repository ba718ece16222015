using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §4.1, §4.4, §4.5, §5: a referral with nothing aggravating, from the school's form to
/// the youth officer's confirmation, through the line manager's authorisation of Outcome 21.
/// </summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class EducationRouteTests(WorkflowHost host)
{
    [Theory]
    [InlineData("DevonAndCornwall", "DC", "Outcome 27")] // §3.4.2: UNIFI's code
    [InlineData("Dorset", "DO", "Outcome 21")]
    public async Task Referral_AuthorisedThenEducationDelivered_ClosedWithForcesLocalOutcome(string force, string prefix, string localOutcome)
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ForceContacts.For(force);
        var referral = SampleReferral.Create(force);
        var youngPersonName = referral["youngPeople"]![0]!["name"]!.GetValue<string>();

        // The school submits (§2, §3.2.1: a crime reference at once).
        var yearBefore = DateTime.UtcNow.Year;
        var submission = await api.SubmitAcceptedAsync(referral);
        var id = submission.ReferralId;
        Assert.Matches($"^{prefix}-({yearBefore}|{DateTime.UtcNow.Year})-[0-9]{{6}}$", submission.CrimeReference); // the year it was issued in, even across New Year
        Assert.Equal("Received", submission.Json.GetProperty("status").GetString());
        Assert.Equal($"/api/referrals/{id}", submission.Location);
        Assert.Equal($"/api/referrals/{id}", submission.Json.GetProperty("statusUrl").GetString());

        var acknowledgement = await outbox.WaitForOneAsync(id, "IntakeAcknowledgement");
        Assert.Equal(SampleReferral.ReporterEmail, acknowledgement.To);
        await api.ConfirmReporterAsync(id);

        // The line manager gets the request; opening the link changes nothing (mail scanners open links).
        var request = await outbox.WaitForOneAsync(id, "AuthorisationRequest");
        Assert.Equal(contacts.Manager, request.To);
        var approvalLink = request.Link;
        Assert.StartsWith(new Uri(api.BaseAddress, "api/approvals/").ToString(), approvalLink.ToString(), StringComparison.Ordinal);
        Assert.Contains(approvalLink.ToString(), request.Html, StringComparison.Ordinal);
        var waiting = await api.WaitForEventAsync(id, "AuthorisationRequested");
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(waiting));
        Assert.Equal("EducationAndIntervention", CaseJson.Route(waiting));

        var page = await api.OpenAsync(approvalLink);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.MediaType);
        Assert.DoesNotContain(youngPersonName, page.Body, StringComparison.OrdinalIgnoreCase);
        var afterOpening = await api.GetCaseAsync(id);
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(afterOpening));
        Assert.Equal(CaseJson.Events(waiting), CaseJson.Events(afterOpening));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, afterOpening.GetProperty("outcome").ValueKind);

        // The manager authorises (§3.4.3).
        var decided = await api.DecideAsync(approvalLink, "authorise", "DI Example Manager", "First incident; no aggravating factor.");
        Assert.Equal(HttpStatusCode.OK, decided.Status);
        Assert.Equal("text/html", decided.MediaType);

        // §3.4.7-§3.4.9, §3.6.2: youth team, advice to each parent/carer and young person, the setting; each once.
        var authorised = await FanOut.WaitAsync(api, outbox, id);
        FanOut.AssertExactlyOnce(outbox, id, contacts);
        FanOut.AssertTimelineOnce(authorised);
        Assert.Empty(outbox.For(id, "AuthorisationReminder"));

        var outcome = authorised.GetProperty("outcome");
        Assert.Equal("Outcome 21", outcome.GetProperty("national").GetString());
        Assert.Equal(localOutcome, outcome.GetProperty("local").GetString());
        Assert.Equal("DI Example Manager (di.example.manager@police.example)", outcome.GetProperty("authorisedBy").GetString());
        Assert.Equal("First incident; no aggravating factor.", outcome.GetProperty("rationale").GetString());
        var education = authorised.GetProperty("education");
        Assert.True(education.GetProperty("dueBy").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddDays(27));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, education.GetProperty("deliveredAt").ValueKind);
        var authorisedEntry = Assert.Single(CaseJson.Entries(authorised, "Authorised"));
        Assert.Contains("DI Example Manager", authorisedEntry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(contacts.Manager, authorisedEntry.GetProperty("detail").GetString(), StringComparison.Ordinal);

        // The decision link is spent (§5: single use).
        Assert.Equal(HttpStatusCode.Gone, (await api.OpenAsync(approvalLink)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await api.DecideAsync(approvalLink, "authorise", "DI Example Manager", "Again.")).Status);

        // The youth officer confirms delivery (§3.4.7).
        var youth = Assert.Single(outbox.For(id, "YouthTeamNotification"));
        var educationLink = youth.Link;
        Assert.StartsWith(new Uri(api.BaseAddress, "api/education/").ToString(), educationLink.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.OpenAsync(educationLink)).Status);
        Assert.Equal("EducationAndIntervention", CaseJson.Status(await api.GetCaseAsync(id)));
        var confirmed = await api.ConfirmEducationAsync(educationLink, "PC Example Officer", "Session delivered at school.", delivered: "YP1");
        Assert.Equal(HttpStatusCode.OK, confirmed.Status);

        // The case is closed and the delivery recorded in the timeline in two writes: wait for both.
        var closed = await api.WaitForCaseAsync(id, c =>
            CaseJson.Status(c) == "Closed" && CaseJson.Events(c).Contains("EducationDelivered"), "closed with delivery recorded");
        Assert.Equal("PC Example Officer (pc.example.officer@police.example)", closed.GetProperty("education").GetProperty("deliveredBy").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, closed.GetProperty("education").GetProperty("deliveredAt").ValueKind);
        var deliveredEntry = Assert.Single(CaseJson.Entries(closed, "EducationDelivered")).GetProperty("detail").GetString();
        Assert.Contains("delivered to YP1, confirmed by PC Example Officer", deliveredEntry, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Gone, (await api.OpenAsync(educationLink)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await api.ConfirmEducationAsync(educationLink, "PC Example Officer", null)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await api.OpenAsync(approvalLink)).Status);
    }
}
