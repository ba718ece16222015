using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Core.Referrals;
using Sexting.Functions.Notifications;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Notifications;

/// <summary>
/// Contract §12: a step to a configured mailbox names it by its role; the activity reads its address for the
/// case's force when it sends, and puts it in the timeline's text. A step of an earlier release gave the address.
/// </summary>
public sealed class SendEmailActivityTests : IDisposable
{
    private readonly ActivityHost _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    [InlineData("DevonAndCornwall", "dc-investigation@police.example")]
    [InlineData("Dorset", "dorset-investigation@police.example")]
    public async Task RunAsync_MailboxOfTheCasesForce_SentThereAndNamedInTheTimeline(string force, string expected)
    {
        var @case = await _h.CaseOfAsync(force);

        await _h.Get<SendEmailActivity>().RunAsync(Referral(@case.ReferralId, StaffMailbox.Investigation));

        Assert.Equal(expected, Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral)).To);
        Assert.Equal(expected, Assert.Single(await _h.Store.GetEmailsAsync(@case.ReferralId, default)).To);
        Assert.Equal("Referred for investigation to " + expected, await _h.DetailAsync(@case.ReferralId, TimelineEvent.InvestigationReferralSent));
    }

    // Contract §1: the mailbox is read when the email goes, so a changed one applies to the cases in flight.
    [Fact]
    public async Task RunAsync_MailboxChangedInConfiguration_SentToTheAddressConfiguredNow()
    {
        using var h = new ActivityHost(new() { ["Forces:Dorset:SafeguardingExpertEmail"] = "ppu.ds@dorset.police.example" });
        var @case = await h.CaseOfAsync("Dorset");

        await h.Get<SendEmailActivity>().RunAsync(new SendEmailInput(
            @case.ReferralId, EmailKind.SafeguardingAlert, "assessment", EmailRecipient.Configured, null, Fakes.Referrals.Now,
            TimelineEvent.SafeguardingAlertSent, "Safeguarding alert sent to " + SendEmailInput.MailboxPlaceholder) { Mailbox = StaffMailbox.SafeguardingExpert });

        Assert.Equal("ppu.ds@dorset.police.example", Assert.Single(h.Sender.DeliveredOf(EmailKind.SafeguardingAlert)).To);
        Assert.Equal("Safeguarding alert sent to ppu.ds@dorset.police.example", await h.DetailAsync(@case.ReferralId, TimelineEvent.SafeguardingAlertSent));
    }

    // An input scheduled before contract §12's fix, replayed by an instance in flight: its address is honoured.
    [Fact]
    public async Task RunAsync_InputOfAnEarlierReleaseWithTo_SentToThatAddressDetailAsWritten()
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await _h.Get<SendEmailActivity>().RunAsync(new SendEmailInput(
            @case.ReferralId, EmailKind.InvestigationReferral, "assessment", EmailRecipient.Configured, "earlier@police.example", Fakes.Referrals.Now,
            TimelineEvent.InvestigationReferralSent, "Referred for investigation to earlier@police.example"));

        Assert.Equal("earlier@police.example", Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral)).To);
        Assert.Equal("Referred for investigation to earlier@police.example", await _h.DetailAsync(@case.ReferralId, TimelineEvent.InvestigationReferralSent));
    }

    [Fact]
    public async Task RunAsync_ConsultationWithEveryPlaceholder_EachReplaced()
    {
        var @case = await _h.CaseOfAsync("DevonAndCornwall");
        var use = new LinkUse(LinkUse.NewId(), @case.ReferralId, LinkPurpose.Authorisation, "consult",
            new StaffIdentity("u1", "Pat Manager", "pat.manager@police.example"), "dc-authorising-manager@police.example", Fakes.Referrals.Now, "A pattern?", []);
        await _h.Links.RecordUseAsync(use, default);

        await _h.Get<SendEmailActivity>().RunAsync(new SendEmailInput(
            @case.ReferralId, EmailKind.SafeguardingExpertConsultation, "consult-1", EmailRecipient.Configured, null, Fakes.Referrals.Now,
            TimelineEvent.SafeguardingExpertConsulted,
            SendEmailInput.ByPlaceholder + " (link sent to " + SendEmailInput.SentToPlaceholder + ") consulted " + SendEmailInput.MailboxPlaceholder)
        {
            Mailbox = StaffMailbox.SafeguardingExpert,
            UseId = use.UseId,
        });

        Assert.Equal("dc-safeguarding@police.example", Assert.Single(_h.Sender.DeliveredOf(EmailKind.SafeguardingExpertConsultation)).To);
        Assert.Equal(
            "Pat Manager (pat.manager@police.example) (link sent to dc-authorising-manager@police.example) consulted dc-safeguarding@police.example",
            await _h.DetailAsync(@case.ReferralId, TimelineEvent.SafeguardingExpertConsulted));
    }

    [Fact]
    public async Task DeliverAsync_CaseOfAForceNoLongerConfigured_ThrowsNamingTheKeyAndSendsNothing()
    {
        var dc = SampleCases.AwaitingAuthorisation();
        var kent = dc with { Referral = dc.Referral with { ForceArea = ForceArea.Of("Kent") } };

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Get<SendEmailActivity>().DeliverAsync(Referral(kent.ReferralId, StaffMailbox.Investigation), kent));

        Assert.Contains("Forces:Kent:InvestigationEmail", ex.Message, StringComparison.Ordinal);
        Assert.Empty(_h.Sender.Attempts);
    }

    [Fact]
    public async Task RunAsync_ConfiguredWithNeitherMailboxNorAddress_ThrowsAndSendsNothing()
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await Assert.ThrowsAsync<InvalidOperationException>(() => _h.Get<SendEmailActivity>().RunAsync(new SendEmailInput(
            @case.ReferralId, EmailKind.InvestigationReferral, "assessment", EmailRecipient.Configured, null, Fakes.Referrals.Now,
            TimelineEvent.InvestigationReferralSent, "Referred for investigation")));

        Assert.Empty(_h.Sender.Attempts);
    }

    [Fact]
    public async Task RunAsync_UnknownMailboxCode_ThrowsAndSendsNothing()
    {
        var @case = await _h.CaseOfAsync("Dorset");

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _h.Get<SendEmailActivity>().RunAsync(Referral(@case.ReferralId, (StaffMailbox)99)));

        Assert.Empty(_h.Sender.Attempts);
    }

    private static SendEmailInput Referral(string referralId, StaffMailbox mailbox) =>
        new(referralId, EmailKind.InvestigationReferral, "assessment", EmailRecipient.Configured, null, Fakes.Referrals.Now,
            TimelineEvent.InvestigationReferralSent, "Referred for investigation to " + SendEmailInput.MailboxPlaceholder)
        {
            Mailbox = mailbox,
        };
}
