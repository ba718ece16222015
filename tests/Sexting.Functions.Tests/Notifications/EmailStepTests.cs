using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Notifications;
using Sexting.Functions.Tests.Fakes;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Storage;

namespace Sexting.Functions.Tests.Notifications;

/// <summary>Contract §10: each delivered email is recorded on its case (kind, to, when), once, and a refused one is not.</summary>
public sealed class EmailStepTests
{
    private readonly InMemoryCaseStore _store = new();
    private readonly RecordingEmailSender _sender = new();

    [Fact]
    public async Task SendAsync_DeliveredTwiceByARetry_RecordedOnceRefusedNotRecorded()
    {
        var id = ReferralIds.NewRandom();
        await _store.CreateAsync(id, Fakes.Referrals.Parse(Fakes.Referrals.Json(submissionId: null)), Fakes.Referrals.Now, default);
        var step = new EmailStep(new TrivialEmailComposer(), _sender, _store, new EmailIdempotencyKey(Options.Create(new TableStorageOptions())), NullLogger<EmailStep>.Instance);
        _sender.RejectKinds.Add(EmailKind.YouthTeamNotification);
        EmailRequest[] requests =
        [
            new(EmailKind.SafeguardingAlert, "alerts@dc.police.example", null),
            new(EmailKind.SafeguardingAlert, "ppu@dc.police.example", null),
            new(EmailKind.YouthTeamNotification, "youth@dc.police.example", null),
        ];

        await step.SendAsync(requests, id, "alert", Fakes.Referrals.Now, TimelineEvent.SafeguardingAlertSent, "Safeguarding alert sent", default);
        await step.SendAsync(requests, id, "alert", Fakes.Referrals.Now.AddMinutes(1), TimelineEvent.SafeguardingAlertSent, "Safeguarding alert sent", default);

        var emails = await _store.GetEmailsAsync(id, default);
        Assert.Equal(
            [(EmailKind.SafeguardingAlert, "alerts@dc.police.example", Fakes.Referrals.Now), (EmailKind.SafeguardingAlert, "ppu@dc.police.example", Fakes.Referrals.Now)],
            emails.Select(e => (e.Kind, e.To, e.At)));
        Assert.All(emails, e => Assert.DoesNotContain("@", e.Key, StringComparison.Ordinal));
    }
}
