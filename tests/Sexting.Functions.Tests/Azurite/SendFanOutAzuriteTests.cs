using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Notifications;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// Issue 22, §3.4.7: the fan-out's three emails go side by side and their three steps are recorded in one
/// transaction. Recorded one by one they contended for the end of the case's timeline: each loser read the
/// chain's head again and wrote once more.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SendFanOutAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private AppHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = AppHost.Create(azurite, Now);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task SendAsync_ThreeEmails_TheLinkSavedAndTheThreeStepsRecordedInOneRequest()
    {
        var authorised = await _host.CaseAsync(Now.AddHours(-1), CaseStatus.EducationAndIntervention, assessment: AppHost.Outcome21,
            authorisedAfter: TimeSpan.FromMinutes(30), dueBy: Now.AddDays(28));
        var id = authorised.ReferralId;
        _host.Counter.Reset();

        var results = await _host.Create<SendFanOutActivity>().SendAsync(Input(id), authorised);

        Assert.All(results, r => Assert.Equal((1, 0), (r.Delivered, r.Rejected)));
        // The youth team's link, then the three entries and their emails: nothing read, nothing written twice.
        Assert.Equal(2, _host.Counter.Total);
        Assert.Equal(1, _host.Counter.Of("SaveAsync"));
        Assert.Equal(1, _host.Counter.Of("RecordStepsAsync"));
        var timeline = await _host.Cases.GetTimelineAsync(id, default);
        Assert.Equal(["YouthTeamNotified:authorised", "AdviceSent:authorised", "SettingNotified:authorised"], timeline.TakeLast(3).Select(e => e.Key));
        Assert.Equal(3, (await _host.Cases.GetEmailsAsync(id, default)).Count);
        Assert.Single(_host.OutboxFiles("YouthTeamNotification"));
        Assert.Single(_host.OutboxFiles("AdviceGuidance"));
        Assert.Single(_host.OutboxFiles("SettingOutcome"));

        // Retried (the activity's retry after a fault): nothing sent again, nothing recorded twice.
        await _host.Create<SendFanOutActivity>().SendAsync(Input(id), authorised);

        Assert.Single(_host.OutboxFiles("YouthTeamNotification"));
        Assert.Single(_host.OutboxFiles("AdviceGuidance"));
        Assert.Equal(3, (await _host.Cases.GetEmailsAsync(id, default)).Count);
        Assert.Equal(3, (await _host.Cases.GetTimelineAsync(id, default)).Count(e => e.Key.EndsWith(":authorised", StringComparison.Ordinal)));
    }

    private static SendFanOutInput Input(string id)
    {
        var dueBy = Now.AddDays(28);
        return new SendFanOutInput(
            new SendLinkEmailInput(id, EmailKind.YouthTeamNotification, LinkPurpose.EducationDelivered, "authorised", "yio@police.example",
                "https://sexting.example", Now, dueBy.AddDays(7), dueBy, TimelineEvent.YouthTeamNotified, "Youth team asked to deliver education"),
            new SendEmailInput(id, EmailKind.AdviceGuidance, "authorised", EmailRecipient.AdviceAudience, null, Now, TimelineEvent.AdviceSent, "Advice and guidance sent") { DueBy = dueBy },
            new SendEmailInput(id, EmailKind.SettingOutcome, "authorised", EmailRecipient.Reporter, null, Now, TimelineEvent.SettingNotified, "Setting told the outcome") { DueBy = dueBy });
    }
}
