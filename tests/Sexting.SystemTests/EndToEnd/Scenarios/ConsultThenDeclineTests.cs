using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>Contract §4.5, §5 (§3.4.3): the manager consults the safeguarding expert (not final), then declines.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class ConsultThenDeclineTests(WorkflowHost host)
{
    [Fact]
    public async Task Decision_ConsultThenDecline_ReferredForInvestigationAndLinkGone()
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ForceContacts.For("DevonAndCornwall");
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
        await api.ConfirmReporterAsync(id);
        var link = (await outbox.WaitForOneAsync(id, "AuthorisationRequest")).Link;
        await api.WaitForEventAsync(id, "AuthorisationRequested");

        // Consult: the expert is asked, the link stays valid, the case keeps waiting.
        var consulted = await api.DecideAsync(link, "consult", "DI Example Manager", "Is there anything known about this family?");
        Assert.Equal(HttpStatusCode.OK, consulted.Status);
        var consultation = await outbox.WaitForOneAsync(id, "SafeguardingExpertConsultation");
        Assert.Equal(contacts.Safeguarding, consultation.To);
        var waiting = await api.WaitForEventAsync(id, "SafeguardingExpertConsulted");
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(waiting));
        Assert.Equal(HttpStatusCode.OK, (await api.OpenAsync(link)).Status);

        // A decline needs a rationale (§5: a bad form is 400 and changes nothing).
        var incomplete = await api.DecideAsync(link, "decline", "DI Example Manager", null, json: true);
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.Status);
        Assert.Contains("rationale", incomplete.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.OpenAsync(link)).Status);

        var declined = await api.DecideAsync(link, "decline", "DI Example Manager", "The expert advises a full investigation.", json: true);
        Assert.Equal(HttpStatusCode.OK, declined.Status);
        Assert.Equal("application/json", declined.MediaType);

        var investigation = await outbox.WaitForOneAsync(id, "InvestigationReferral");
        Assert.Equal(contacts.Investigation, investigation.To);
        var @case = await api.WaitForCaseAsync(id, c =>
            CaseJson.Status(c) == "ReferredForInvestigation" && CaseJson.Events(c).Contains("InvestigationReferralSent"),
            "the decline recorded");
        var declinedEntry = Assert.Single(CaseJson.Entries(@case, "Declined"));
        Assert.Contains("DI Example Manager", declinedEntry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(contacts.Manager, declinedEntry.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, @case.GetProperty("outcome").ValueKind);
        Assert.Single(outbox.For(id, "SafeguardingExpertConsultation"));
        Assert.Empty(outbox.For(id, "YouthTeamNotification"));
        Assert.Empty(outbox.For(id, "AdviceGuidance"));

        Assert.Equal(HttpStatusCode.Gone, (await api.OpenAsync(link)).Status);
        Assert.Equal(HttpStatusCode.Gone, (await api.DecideAsync(link, "authorise", "DI Example Manager", "Changed my mind.")).Status);
    }
}
