using System.Net;
using System.Text.Json.Nodes;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;
using Sexting.TestSupport.Processes;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>
/// Issue 19, contract §4.1, §6 on the local host and its outbox: injected text (a phishing line with a
/// link) in every field of the referral that reaches any email. Before the reporter confirms, nothing
/// goes to an address outside the police but the acknowledgement, and it carries none of that text;
/// the police alert and investigation referral go at once, flagged as unconfirmed.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(AzuriteCollection.Name)]
public sealed class NothingEchoedTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Phish = "URGENT: your DBS check failed. Re-verify at https://dcpolice-verify.example/login within 24h";
    private readonly string _outbox = Directory.CreateTempSubdirectory("sexting-echo-outbox-").FullName;
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        _host = ReliabilityHost.Create(azurite.ConnectionString, new Dictionary<string, string?> { ["Email:Mode"] = "Outbox", ["Email:OutboxPath"] = _outbox });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task Referral_InjectedTextEverywhereUnconfirmed_OnlyPoliceSeeItAndTheReporterGetsNone()
    {
        var referral = ValidReferral.Node(Guid.NewGuid());
        referral["setting"]!["name"] = Phish;
        referral["setting"]!["urn"] = "dcpolice-verify.ex";
        referral["reporter"]!["name"] = Phish;
        referral["reporter"]!["phone"] = "call 0800 000 000 dcpolice-verify";
        referral["incident"]!["summary"] = Phish;
        referral["concerns"]!["vulnerabilityNotes"] = Phish;
        referral["concerns"]!["otherAggravatingFactor"] = Phish;
        referral["youngPeople"]![0]!["name"] = "Alex Dcpoliceverify";
        referral["youngPeople"]![0]!["parentCarer"]!["name"] = Phish;
        referral["adultsInvolved"] = new JsonArray(new JsonObject { ["name"] = Phish, ["description"] = Phish });
        using var http = _host.CreateClient();

        var (status, id, _, response) = await SystemLevel.Workflow.SubmitAsync(http, referral.ToJsonString());
        var body = await response.Content.ReadAsStringAsync();
        response.Dispose();
        Assert.True(status == HttpStatusCode.Accepted, $"expected 202, got {(int)status}: {body}");

        var outbox = new Outbox(_outbox);
        await SystemLevel.Workflow.WaitUntilAsync(
            () => outbox.All().Count(m => m.ReferralId == id) >= 3, TimeSpan.FromSeconds(60),
            () => string.Join(", ", outbox.All().Where(m => m.ReferralId == id).Select(m => m.Kind)));
        await Task.Delay(TimeSpan.FromSeconds(2)); // anything more would arrive now
        var mails = outbox.All().Where(m => m.ReferralId == id).ToList();

        Assert.Equal(["IntakeAcknowledgement", "InvestigationReferral", "SafeguardingAlert"], mails.Select(m => m.Kind).Order(StringComparer.Ordinal));
        var outsidePolice = mails.Where(m => !m.To.EndsWith("police.example", StringComparison.OrdinalIgnoreCase)).ToList();
        var acknowledgement = Assert.Single(outsidePolice);
        Assert.Equal("IntakeAcknowledgement", acknowledgement.Kind);
        foreach (var typed in new[] { "dcpolice-verify", "URGENT", "DBS", "Dcpoliceverify", "0800" })
        {
            Assert.DoesNotContain(typed, acknowledgement.Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(typed, acknowledgement.Json, StringComparison.OrdinalIgnoreCase);
        }

        Assert.NotNull(ReporterConfirmations.LinkIn(acknowledgement.Text));
        Assert.All(mails.Where(m => m.Kind != "IntakeAcknowledgement"), m => Assert.Contains("REPORTER NOT YET CONFIRMED", m.Text, StringComparison.Ordinal));
    }
}
