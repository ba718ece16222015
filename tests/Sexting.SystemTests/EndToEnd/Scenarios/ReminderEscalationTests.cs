using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §4.4, §5: unanswered, the manager is reminded after <c>Approval:ReminderAfter</c> and
/// the escalation contact asked after <c>Approval:EscalateAfter</c>, each with a fresh link; a
/// decision through any one spends them all.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReminderEscalationTests(ShortApprovalHost host) : IClassFixture<ShortApprovalHost>
{
    [Fact]
    public async Task Approval_Unanswered_RemindedThenEscalatedAndAuthorisedThroughEscalationLink()
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ForceContacts.For("DevonAndCornwall");
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
        await api.ConfirmReporterAsync(id);

        var request = await outbox.WaitForOneAsync(id, "AuthorisationRequest");
        var reminder = await outbox.WaitForOneAsync(id, "AuthorisationReminder");
        var escalation = await outbox.WaitForOneAsync(id, "AuthorisationEscalation");

        Assert.Equal(contacts.Manager, request.To);
        Assert.Equal(contacts.Manager, reminder.To);
        Assert.Equal(contacts.Escalation, escalation.To);
        Assert.Equal(3, new[] { request.Link, reminder.Link, escalation.Link }.Distinct().Count());
        var escalated = await api.WaitForEventAsync(id, "AuthorisationEscalated");
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(escalated));
        Assert.Equal(["AuthorisationRequested", "AuthorisationReminderSent", "AuthorisationEscalated"],
            CaseJson.Events(escalated).Where(e => e.StartsWith("Authorisation", StringComparison.Ordinal)));
        var requestedAt = Assert.Single(CaseJson.Entries(escalated, "AuthorisationRequested")).GetProperty("at").GetDateTimeOffset();
        var remindedAt = Assert.Single(CaseJson.Entries(escalated, "AuthorisationReminderSent")).GetProperty("at").GetDateTimeOffset();
        var escalatedAt = Assert.Single(CaseJson.Entries(escalated, "AuthorisationEscalated")).GetProperty("at").GetDateTimeOffset();
        // Durable timers may fire up to about a second early on this backend.
        Assert.InRange(remindedAt - requestedAt, ShortApprovalHost.ReminderAfter - TimeSpan.FromSeconds(1), Waits.Default);
        Assert.InRange(escalatedAt - requestedAt, ShortApprovalHost.EscalateAfter - TimeSpan.FromSeconds(1), Waits.Default);

        // Every link works until one is used.
        Assert.Equal(HttpStatusCode.OK, (await api.OpenAsync(request.Link)).Status);
        Assert.Equal(HttpStatusCode.OK, (await api.OpenAsync(reminder.Link)).Status);
        var decided = await api.DecideAsync(escalation.Link, "authorise", "Supt Example Escalation", "Authorised on escalation.");
        Assert.Equal(HttpStatusCode.OK, decided.Status);

        var authorised = await FanOut.WaitAsync(api, outbox, id);
        var entry = Assert.Single(CaseJson.Entries(authorised, "Authorised"));
        Assert.Contains(contacts.Escalation, entry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Supt Example Escalation (supt.example.escalation@police.example)", authorised.GetProperty("outcome").GetProperty("authorisedBy").GetString());

        foreach (var spent in new[] { request.Link, reminder.Link, escalation.Link })
        {
            Assert.Equal(HttpStatusCode.Gone, (await api.OpenAsync(spent)).Status);
            Assert.Equal(HttpStatusCode.Gone, (await api.DecideAsync(spent, "decline", "DI Example Manager", "Too late.")).Status);
        }

        Assert.Single(outbox.For(id, "AuthorisationReminder"));
        Assert.Single(outbox.For(id, "AuthorisationEscalation"));
        Assert.Single(outbox.For(id, "YouthTeamNotification"));
    }
}
