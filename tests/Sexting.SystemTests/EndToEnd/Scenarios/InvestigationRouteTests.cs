using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>Contract §4.3 (§1.2.2, §3.5): an aggravating factor sends the case to investigation; no Outcome 21 is proposed.</summary>
[Trait("Category", "EndToEnd")]
[Collection(SharedHostCollection.Name)]
public sealed class InvestigationRouteTests(WorkflowHost host)
{
    [Theory]
    [InlineData("UnderThirteen", "DevonAndCornwall")]
    [InlineData("AdultInvolved", "Dorset")]
    [InlineData("SignificantAgeImbalance", "DevonAndCornwall")]
    [InlineData("CoercionOrBlackmail", "Dorset")]
    public async Task Referral_WithAggravatingFactor_ReferredForInvestigationWithoutAuthorisationRequest(string factor, string force)
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ForceContacts.For(force);
        var referral = SampleReferral.Create(force);
        Aggravate(referral, factor);

        var id = (await api.SubmitAcceptedAsync(referral)).ReferralId;

        await api.ConfirmReporterAsync(id);

        var investigation = await outbox.WaitForOneAsync(id, "InvestigationReferral");
        Assert.Equal(contacts.Investigation, investigation.To);
        var referred = await api.WaitForCaseAsync(id, c =>
            CaseJson.Status(c) == "ReferredForInvestigation"
            && CaseJson.Events(c).Contains("InvestigationReferralSent")
            && CaseJson.Events(c).Contains("ReporterConfirmed"),
            "the investigation referral recorded");
        // Contract §4.3: the setting hears nothing more until an investigator accepts (§10).
        Assert.Equal(1, CaseJson.Events(referred).Count(e => e == "SettingNotified"));
        Assert.Equal(HttpStatusCode.OK, (await api.AcceptInvestigationAsync(id)).Status);
        var setting = await outbox.WaitForOneAsync(id, "SettingOutcome");
        Assert.Equal(SampleReferral.ReporterEmail, setting.To);
        var @case = await api.WaitForCaseAsync(id, c =>
            CaseJson.Status(c) == "UnderInvestigation"
            && CaseJson.Events(c).Count(e => e == "SettingNotified") == 2,
            "the acceptance recorded and the setting told");

        Assert.Equal("Investigation", CaseJson.Route(@case));
        Assert.Contains(factor, CaseJson.FactorCodes(@case));
        Assert.All(@case.GetProperty("aggravatingFactors").EnumerateArray(), f => Assert.Equal("3.5.2", f.GetProperty("policyRef").GetString()));
        Assert.Equal(JsonValueKind.Null, @case.GetProperty("outcome").ValueKind);
        Assert.DoesNotContain("AuthorisationRequested", CaseJson.Events(@case));
        Assert.Empty(outbox.For(id, "AuthorisationRequest"));
        Assert.Equal(["IntakeAcknowledgement", "InvestigationReferral", "SettingOutcome"], outbox.For(id).Select(m => m.Kind).Order(StringComparer.Ordinal));
    }

    private static void Aggravate(JsonObject referral, string factor)
    {
        var second = referral["youngPeople"]![1]!.AsObject();
        switch (factor)
        {
            case "UnderThirteen":
                second["dateOfBirth"] = SampleReferral.BornYearsBefore(12);
                referral["youngPeople"]![0]!["dateOfBirth"] = SampleReferral.BornYearsBefore(13);
                break;
            case "AdultInvolved":
                referral["adultsInvolved"] = new JsonArray { new JsonObject { ["name"] = "Chris Adult", ["description"] = "A family friend who received the picture." } };
                break;
            case "SignificantAgeImbalance":
                second["dateOfBirth"] = SampleReferral.BornYearsBefore(17);
                break;
            case "CoercionOrBlackmail":
                referral["concerns"]!["coercionOrBlackmail"] = true;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(factor), factor, "No such case in this test.");
        }
    }
}
