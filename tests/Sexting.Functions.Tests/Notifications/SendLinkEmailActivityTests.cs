using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Functions.Notifications;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Notifications;

/// <summary>
/// Contract §12: a link email to a configured mailbox names it by its role; the activity reads its address for
/// the case's force when it sends, stores the link as sent there, and puts it in the timeline's text.
/// </summary>
public sealed class SendLinkEmailActivityTests : IDisposable
{
    private readonly ActivityHost _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("DevonAndCornwall", "dc-youth-team@police.example")]
    [InlineData("Dorset", "dorset-youth-team@police.example")]
    public async Task RunAsync_MailboxOfTheCasesForce_SentThereLinkStoredAsSentThereNamedInTheTimeline(string force, string expected)
    {
        var @case = await _h.CaseOfAsync(force);

        await _h.Get<SendLinkEmailActivity>().RunAsync(YouthTeam(@case.ReferralId, null) with { Mailbox = StaffMailbox.YouthTeam });

        Assert.Equal(expected, Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification)).To);
        Assert.Equal(expected, Assert.Single(_h.Links.All).SentTo);
        Assert.Equal($"Youth team ({expected}) asked to deliver education by 2026-12-26", await _h.DetailAsync(@case.ReferralId, TimelineEvent.YouthTeamNotified));
    }

    [Theory]
    [InlineData(StaffMailbox.AuthorisingManager, "dorset-authorising-manager@police.example")]
    [InlineData(StaffMailbox.Escalation, "dorset-escalation@police.example")]
    public async Task RunAsync_AuthorisationLinkToAMailbox_SentToThatRoleOfTheCasesForce(StaffMailbox mailbox, string expected)
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await _h.Get<SendLinkEmailActivity>().RunAsync(new SendLinkEmailInput(
            @case.ReferralId, EmailKind.AuthorisationRequest, LinkPurpose.Authorisation, "request", null, "http://127.0.0.1:7071",
            Fakes.Referrals.Now, Fakes.Referrals.Now.AddDays(7), null, TimelineEvent.AuthorisationRequested,
            "Outcome 21 proposed to " + SendLinkEmailInput.MailboxPlaceholder) { Mailbox = mailbox });

        Assert.Equal(expected, Assert.Single(_h.Sender.DeliveredOf(EmailKind.AuthorisationRequest)).To);
        Assert.Equal("Outcome 21 proposed to " + expected, await _h.DetailAsync(@case.ReferralId, TimelineEvent.AuthorisationRequested));
    }

    // An input scheduled before contract §12's fix, replayed by an instance in flight: its address is honoured.
    [Fact]
    public async Task RunAsync_InputOfAnEarlierReleaseWithTo_SentToThatAddressDetailAsWritten()
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await _h.Get<SendLinkEmailActivity>().RunAsync(YouthTeam(@case.ReferralId, "earlier-youth@police.example") with
        {
            Detail = "Youth team (earlier-youth@police.example) asked to deliver education by 2026-12-26",
        });

        Assert.Equal("earlier-youth@police.example", Assert.Single(_h.Sender.DeliveredOf(EmailKind.YouthTeamNotification)).To);
        Assert.Equal("earlier-youth@police.example", Assert.Single(_h.Links.All).SentTo);
        Assert.Equal("Youth team (earlier-youth@police.example) asked to deliver education by 2026-12-26", await _h.DetailAsync(@case.ReferralId, TimelineEvent.YouthTeamNotified));
    }

    [Fact]
    public async Task DeliverAsync_CaseOfAForceNoLongerConfigured_ThrowsNamingTheKeyAndStoresNoLink()
    {
        var dc = SampleCases.AwaitingAuthorisation();
        var kent = dc with { Referral = dc.Referral with { ForceArea = ForceArea.Of("Kent") } };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(
            () => _h.Get<SendLinkEmailActivity>().DeliverAsync(YouthTeam(kent.ReferralId, null) with { Mailbox = StaffMailbox.YouthTeam }, kent));

        Assert.Contains("Forces:Kent:YouthTeamEmail", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Links.All);
        Assert.Empty(_h.Sender.Attempts);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public async Task RunAsync_NeitherMailboxNorAddress_ThrowsAndStoresNoLink(string? to)
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Get<SendLinkEmailActivity>().RunAsync(YouthTeam(@case.ReferralId, to)));

        Assert.Empty(_h.Links.All);
        Assert.Empty(_h.Sender.Attempts);
    }

    // Contract §11: the confirmation link goes to the reporter, read from the case, whatever the input says.
    [Fact]
    public async Task RunAsync_ReporterConfirmation_SentToTheReporterOfTheCase()
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await _h.Get<SendLinkEmailActivity>().RunAsync(new SendLinkEmailInput(
            @case.ReferralId, EmailKind.IntakeAcknowledgement, LinkPurpose.ReporterConfirmation, "intake", "", "http://127.0.0.1:7071",
            Fakes.Referrals.Now, Fakes.Referrals.Now.AddDays(3), null, TimelineEvent.SettingNotified, "Receipt, initial advice and confirmation link sent to the reporter"));

        Assert.Equal("dsl@exevalley.example", Assert.Single(_h.Sender.DeliveredOf(EmailKind.IntakeAcknowledgement)).To);
    }

    // Contract §4.6, §11: a step stalled past its time (an outage) sends a link with its whole lifetime from the send,
    // not one expired already; it is still issued at the step's time (a later round reopens from it).
    [Theory]
    [InlineData(30 * 60, 30 * 60)] // sent 30 h late: the 3 days count from the send
    [InlineData(0, 0)]
    [InlineData(-5, 0)] // a clock a little behind the orchestration's: never shortened
    public async Task SendAsync_SentAfterTheStepsTime_LinkExpiresItsLifetimeAfterTheSend(int minutesLate, int minutesLater)
    {
        var now = Fakes.Referrals.Now.AddMinutes(minutesLate);
        using var h = new ActivityHost(clock: new FakeTimeProvider(now));
        var @case = await h.CaseOfAsync("Dorset");
        var scheduled = Fakes.Referrals.Now.AddDays(3);

        var sent = await h.Get<SendLinkEmailActivity>().SendAsync(new SendLinkEmailInput(
            @case.ReferralId, EmailKind.IntakeAcknowledgement, LinkPurpose.ReporterConfirmation, "intake", "", "http://127.0.0.1:7071",
            Fakes.Referrals.Now, scheduled, null, TimelineEvent.SettingNotified, "Receipt, initial advice and confirmation link sent to the reporter"), null);

        var link = Assert.Single(h.Links.All);
        Assert.Equal(scheduled.AddMinutes(minutesLater), link.ExpiresAt);
        Assert.Equal(Fakes.Referrals.Now, link.IssuedAt);
        Assert.Equal(link.ExpiresAt, sent.LinkExpiresAt);
        Assert.Equal(1, sent.Result.Delivered);
    }

    private static SendLinkEmailInput YouthTeam(string referralId, string? to)
    {
        var dueBy = new DateTimeOffset(2026, 12, 26, 10, 0, 0, TimeSpan.Zero);
        return new SendLinkEmailInput(
            referralId, EmailKind.YouthTeamNotification, LinkPurpose.EducationDelivered, "authorised", to, "http://127.0.0.1:7071",
            Fakes.Referrals.Now, dueBy.AddDays(7), dueBy, TimelineEvent.YouthTeamNotified,
            "Youth team (" + SendLinkEmailInput.MailboxPlaceholder + ") asked to deliver education by 2026-12-26");
    }
}
