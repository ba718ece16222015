using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>Contract §4.2 (§3.2.2): a safeguarding concern alerts the force's expert at once; on its own it does not change the route.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class SafeguardingAlertTests(WorkflowHost host)
{
    [Theory]
    [InlineData("ImmediateRiskOfHarm", "DevonAndCornwall")]
    [InlineData("Vulnerability", "Dorset")]
    public async Task Referral_WithSafeguardingConcern_AlertsExpertAndStillAsksForAuthorisation(string concern, string force)
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ForceContacts.For(force);
        var referral = SampleReferral.Create(force);
        if (concern == "ImmediateRiskOfHarm")
        {
            referral["concerns"]!["immediateRiskOfHarm"] = true;
        }
        else
        {
            referral["concerns"]!["vulnerabilityNotes"] = "The pupil has been very withdrawn since.";
        }

        var id = (await api.SubmitAcceptedAsync(referral)).ReferralId;

        // Contract §4.2, §11: the alert goes at once, before the reporter confirmed, and says so.
        var alert = await outbox.WaitForOneAsync(id, "SafeguardingAlert");
        Assert.Equal(contacts.Safeguarding, alert.To);
        Assert.Contains("REPORTER NOT YET CONFIRMED", alert.Text, StringComparison.Ordinal);
        Assert.Empty(outbox.For(id, "AuthorisationRequest"));
        await api.ConfirmReporterAsync(id);
        var request = await outbox.WaitForOneAsync(id, "AuthorisationRequest");
        Assert.Equal(contacts.Manager, request.To);
        var @case = await api.WaitForEventAsync(id, "AuthorisationRequested");

        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(@case));
        Assert.Equal("EducationAndIntervention", CaseJson.Route(@case));
        Assert.Empty(CaseJson.FactorCodes(@case));
        Assert.Equal([concern], CaseJson.ConcernCodes(@case));
        Assert.Single(CaseJson.Entries(@case, "SafeguardingAlertSent"));
        Assert.Empty(outbox.For(id, "InvestigationReferral"));
    }
}
