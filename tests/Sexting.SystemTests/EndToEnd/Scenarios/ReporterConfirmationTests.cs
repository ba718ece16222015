using System.Net;
using System.Text.Json;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §4, §6, §11 over HTTP on the local host and its outbox: confirmed, never confirmed,
/// confirmed late, and the alert and investigation referral that go before confirmation.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class ReporterConfirmationTests(ConfirmationHost host) : IClassFixture<ConfirmationHost>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Referral_ConfirmedByReporter_AcknowledgementEchoesNothingAndOutcome21Follows()
    {
        var api = host.Api;
        var referral = SampleReferral.Create();
        referral["setting"]!["name"] = "URGENT: your DBS check failed. Re-verify at https://dcpolice-verify.example/login within 24h";
        var id = (await api.SubmitAcceptedAsync(referral)).ReferralId;

        // §4.1, §6: the acknowledgement carries the reference, the advice and the link; nothing typed.
        var acknowledgement = await host.Outbox.WaitForOneAsync(id, "IntakeAcknowledgement");
        foreach (var typed in new[] { "dcpolice-verify", "URGENT", "Jo Bloggs", referral["incident"]!["summary"]!.GetValue<string>()[..20], referral["youngPeople"]![0]!["name"]!.GetValue<string>() })
        {
            Assert.DoesNotContain(typed, acknowledgement.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(typed, acknowledgement.Html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Contains("You must confirm your email address", acknowledgement.Text, StringComparison.Ordinal);
        Assert.Contains("Confirm by ", acknowledgement.Text, StringComparison.Ordinal);
        var link = ReporterConfirmations.LinkIn(acknowledgement.Text)!;
        Assert.StartsWith(new Uri(api.BaseAddress, "api/confirmations/").ToString(), link.ToString(), StringComparison.Ordinal);
        Assert.Contains(link.ToString(), acknowledgement.Html, StringComparison.Ordinal);

        // GET shows a page and changes nothing (mail scanners open links).
        using (var page = await Http.GetAsync(link))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Confirm my email address", html, StringComparison.Ordinal);
            // A plain form post to the link itself: no JavaScript needed.
            Assert.Contains($"<form method=\"post\" action=\"{link.AbsolutePath}\"", html, StringComparison.Ordinal);
        }

        await Task.Delay(1000);
        var before = await api.GetCaseAsync(id);
        Assert.Equal("Received", CaseJson.Status(before));
        Assert.Equal(JsonValueKind.Null, before.GetProperty("reporter").GetProperty("confirmedAt").ValueKind);
        Assert.False(before.GetProperty("reporter").GetProperty("trustedDomain").GetBoolean()); // .example is not a school domain
        Assert.Empty(host.Outbox.For(id, "AuthorisationRequest"));

        using (var confirmed = await ReporterConfirmations.PostAsync(Http, link))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        }

        var after = await api.GetCaseAsync(id);
        Assert.NotEqual(JsonValueKind.Null, after.GetProperty("reporter").GetProperty("confirmedAt").ValueKind);
        Assert.Single(CaseJson.Entries(after, "ReporterConfirmed"));
        await host.Outbox.WaitForOneAsync(id, "AuthorisationRequest");
        Assert.Equal("AwaitingAuthorisation", CaseJson.Status(await api.WaitForEventAsync(id, "AuthorisationRequested")));

        // Single use (§5, §11).
        using var again = await ReporterConfirmations.PostAsync(Http, link);
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    [Fact]
    public async Task Referral_NeverConfirmed_UnconfirmedAndNothingMoreSent()
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;

        // The status and its timeline entry are stored in one transaction and read in one query.
        var @case = await api.WaitForEventAsync(id, "ReferralUnconfirmed");
        Assert.Equal("Unconfirmed", CaseJson.Status(@case));
        Assert.Single(CaseJson.Entries(@case, "ReferralUnconfirmed"));
        await Task.Delay(2000);
        Assert.Equal(["IntakeAcknowledgement"], host.Outbox.For(id).Select(m => m.Kind));
    }

    [Fact]
    public async Task Referral_ConfirmedLate_GoneAndStillUnconfirmed()
    {
        var api = host.Api;
        var id = (await api.SubmitAcceptedAsync(SampleReferral.Create())).ReferralId;
        var link = await ReporterConfirmations.WaitForLinkAsync(host.OutboxPath, id);
        await api.WaitForEventAsync(id, "ReferralUnconfirmed");

        using var late = await ReporterConfirmations.PostAsync(Http, link);
        using var page = await Http.GetAsync(link);

        Assert.Equal(HttpStatusCode.Gone, late.StatusCode);
        Assert.Equal(HttpStatusCode.Gone, page.StatusCode);
        await Task.Delay(1000);
        var @case = await api.GetCaseAsync(id);
        Assert.Equal("Unconfirmed", CaseJson.Status(@case));
        Assert.Equal(JsonValueKind.Null, @case.GetProperty("reporter").GetProperty("confirmedAt").ValueKind);
        Assert.Equal(["IntakeAcknowledgement"], host.Outbox.For(id).Select(m => m.Kind));
    }

    [Fact]
    public async Task Referral_SafeguardingConcernNeverConfirmed_AlertAtOnceThenNothing()
    {
        var api = host.Api;
        var referral = SampleReferral.Create();
        referral["concerns"]!["immediateRiskOfHarm"] = true;
        var id = (await api.SubmitAcceptedAsync(referral)).ReferralId;

        // §4.2: police recipients at once, told the reporter has not confirmed.
        var alert = await host.Outbox.WaitForOneAsync(id, "SafeguardingAlert");
        Assert.Contains("REPORTER NOT YET CONFIRMED", alert.Text, StringComparison.Ordinal);
        await api.WaitForEventAsync(id, "ReferralUnconfirmed");
        await Task.Delay(1000);
        Assert.Equal(["IntakeAcknowledgement", "SafeguardingAlert"], host.Outbox.For(id).Select(m => m.Kind).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Referral_AdultInvolvedNeverConfirmed_InvestigationReferralAtOnceSettingNeverTold()
    {
        var api = host.Api;
        var referral = SampleReferral.Create();
        referral["adultsInvolved"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["name"] = "Chris Example", ["description"] = "An adult who asked for images" });
        var id = (await api.SubmitAcceptedAsync(referral)).ReferralId;

        var investigation = await host.Outbox.WaitForOneAsync(id, "InvestigationReferral");
        Assert.Contains("REPORTER NOT YET CONFIRMED", investigation.Text, StringComparison.Ordinal);
        Assert.Equal("ReferredForInvestigation", CaseJson.Status(await api.GetCaseAsync(id)));
        await api.WaitForEventAsync(id, "ReferralUnconfirmed");
        await Task.Delay(1000);
        Assert.Empty(host.Outbox.For(id, "SettingOutcome"));
    }

    [Fact]
    public async Task FormReceipt_SaysTheReporterMustConfirmAndByWhen()
    {
        var discovered = SampleReferral.DiscoveredOn;
        var born = DateOnly.ParseExact(SampleReferral.BornYearsBefore(14), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var form = new Dictionary<string, string>
        {
            ["submissionId"] = Guid.NewGuid().ToString(),
            ["forceArea"] = "DevonAndCornwall",
            ["setting.name"] = "Hill Primary School",
            ["reporter.name"] = "Sam Teacher",
            ["reporter.role"] = "DesignatedSafeguardingLead",
            ["reporter.email"] = "dsl@hill.devon.sch.uk",
            ["incident.discoveredOn-day"] = discovered.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["incident.discoveredOn-month"] = discovered.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["incident.discoveredOn-year"] = discovered.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["incident.summary"] = "A pupil shared an image.",
            ["youngPeople[0].name"] = "Robin Formtest" + Guid.NewGuid().ToString("N")[..6],
            ["youngPeople[0].dateOfBirth-day"] = born.Day.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["youngPeople[0].dateOfBirth-month"] = born.Month.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["youngPeople[0].dateOfBirth-year"] = born.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["youngPeople[0].role"] = "Sender",
        };
        using var content = new FormUrlEncodedContent(form);
        using var response = await Http.PostAsync(new Uri(host.Api.BaseAddress, "api/referrals"), content);
        var html = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"expected 202, got {(int)response.StatusCode}: {html}");
        Assert.Contains("You must confirm your email address", html, StringComparison.Ordinal);
        Assert.Contains("Confirm my email address", html, StringComparison.Ordinal);
        Assert.Matches(@"by <strong>\d\d:\d\d on [A-Z][a-z]+day \d{1,2} [A-Z][a-z]+ \d{4}", html);
        var id = response.Headers.Location!.OriginalString.Split('/')[^1];
        Assert.True((await host.Api.GetCaseAsync(id)).GetProperty("reporter").GetProperty("trustedDomain").GetBoolean()); // sch.uk
    }
}
