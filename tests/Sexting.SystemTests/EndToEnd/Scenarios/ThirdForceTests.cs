using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §1, §2, §3 (v2): a force onboarded by configuration alone is a valid <c>forceArea</c>
/// with its own crime references, outcome code, youth team and wording, from the form to the
/// manager's authorisation and the youth team's notification.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ThirdForceTests(ThirdForceHost host) : IClassFixture<ThirdForceHost>
{
    [Fact]
    public async Task Referral_ForceOnboardedByConfiguration_AuthorisedWithItsOwnReferenceOutcomeAndWording()
    {
        var api = host.Api;
        var outbox = host.Outbox;
        var contacts = ThirdForceHost.Contacts;
        api.StaffRolesInUse = ReferralApi.StaffRoles + " Force." + ThirdForceHost.Force; // contract §9: the force role of the case

        // The form offers the force (contract §8) by its own name.
        var form = await api.OpenAsync(new Uri(api.BaseAddress, "api/form"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.Contains($"value=\"{ThirdForceHost.Force}\"", form.Body, StringComparison.Ordinal);
        Assert.Contains(ThirdForceHost.DisplayName, form.Body, StringComparison.Ordinal);

        // §2, §3.2.1: its own prefix and sequence.
        var referral = SampleReferral.Create(ThirdForceHost.Force);
        var youngPersonName = referral["youngPeople"]![0]!["name"]!.GetValue<string>();
        var yearBefore = DateTime.UtcNow.Year;
        var submission = await api.SubmitAcceptedAsync(referral);
        var id = submission.ReferralId;
        await api.ConfirmReporterAsync(id);
        Assert.Matches($"^{ThirdForceHost.Prefix}-({yearBefore}|{DateTime.UtcNow.Year})-[0-9]{{6}}$", submission.CrimeReference); // the year it was issued in, even across New Year
        Assert.Equal(ThirdForceHost.Force, (await api.GetCaseAsync(id)).GetProperty("forceArea").GetString());

        // The manager of that force is asked, in its words (§3.4.2, §3.4.3).
        var request = await outbox.WaitForOneAsync(id, "AuthorisationRequest");
        Assert.Equal(contacts.Manager, request.To);
        Assert.Contains(ThirdForceHost.LocalOutcome, request.Subject, StringComparison.Ordinal);
        Assert.Contains(ThirdForceHost.DisplayName, request.Text, StringComparison.Ordinal);
        Assert.Contains(ThirdForceHost.YouthTeamName, request.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("UNIFI", request.Text, StringComparison.Ordinal);
        var waiting = await api.WaitForEventAsync(id, "AuthorisationRequested");
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(waiting));

        var page = await api.OpenAsync(request.Link);
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Contains(ThirdForceHost.DisplayName, page.Body, StringComparison.Ordinal);
        Assert.Contains(ThirdForceHost.YouthTeamName, page.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(youngPersonName, page.Body, StringComparison.OrdinalIgnoreCase);

        var decided = await api.DecideAsync(request.Link, "authorise", "Insp. Example Manager", "No aggravating factor; education is proportionate.");
        Assert.Equal(HttpStatusCode.OK, decided.Status);

        // The fan-out goes to that force's youth team, with its outcome code (§3.4.7).
        var authorised = await FanOut.WaitAsync(api, outbox, id);
        FanOut.AssertExactlyOnce(outbox, id, contacts);
        var outcome = authorised.GetProperty("outcome");
        Assert.Equal("Outcome 21", outcome.GetProperty("national").GetString());
        Assert.Equal(ThirdForceHost.LocalOutcome, outcome.GetProperty("local").GetString());
        var youth = Assert.Single(outbox.For(id, "YouthTeamNotification"));
        Assert.Contains($"Dear {ThirdForceHost.YouthTeamName}", youth.Text, StringComparison.Ordinal);
        var setting = Assert.Single(outbox.For(id, "SettingOutcome"));
        Assert.Contains(ThirdForceHost.Website, setting.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Sexting in schools", setting.Text, StringComparison.Ordinal);

        // The built-in forces go on with their own sequences; an unconfigured force is still refused.
        var devon = await api.SubmitAcceptedAsync(SampleReferral.Create("DevonAndCornwall"));
        Assert.StartsWith("DC-", devon.CrimeReference, StringComparison.Ordinal);
        var kent = await api.SubmitAsync(SampleReferral.Create("Kent"));
        Assert.Equal(HttpStatusCode.BadRequest, kent.Status);
        Assert.Contains("forceArea", kent.Body, StringComparison.Ordinal);
    }
}
