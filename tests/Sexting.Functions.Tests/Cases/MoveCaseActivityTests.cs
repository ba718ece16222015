using Sexting.Core.Cases;
using Sexting.Core.Notifications;
using Sexting.Functions.Cases;
using Sexting.Functions.Notifications;
using Sexting.Functions.Tests.Notifications;

namespace Sexting.Functions.Tests.Cases;

/// <summary>
/// Workflow v5: the move to ReferredForInvestigation and the investigation referral in one activity. A retry while
/// the email fails (a stalled step, retried for days) must not undo or block what staff did in the workspace since.
/// </summary>
public sealed class MoveCaseActivityTests : IDisposable
{
    private static readonly DateTimeOffset At = Fakes.Referrals.Now;

    private readonly ActivityHost _h = new();

    public void Dispose() => _h.Dispose();

    [Theory]
    // The first round's move (from the assessed case, no entry of its own): known done by the case having left Received.
    [InlineData(false, CaseStatus.AwaitingAuthorisation)] // §3.5.1: a supervisor returned it to Outcome 21
    [InlineData(false, CaseStatus.UnderInvestigation)] // contract §10: an investigator accepted it
    // A declined round's move (its Declined entry in the same transaction): known done by the entry's key.
    [InlineData(true, CaseStatus.AwaitingAuthorisation)]
    [InlineData(true, CaseStatus.UnderInvestigation)]
    public async Task RunAsync_RetryAfterTheMoveAndAStaffAction_LeavesTheStatusStaffSetAndSendsTheEmailOnce(bool declinedRound, CaseStatus staffSet)
    {
        var id = (await _h.CaseOfAsync("Dorset")).ReferralId;
        var updater = _h.Get<CaseUpdater>();
        if (declinedRound)
        {
            await updater.UpdateAsync(id, c => c.MoveTo(CaseStatus.AwaitingAuthorisation), default);
        }

        var input = Referral(id, declinedRound);
        var activity = _h.Get<MoveCaseActivity>();
        _h.Sender.FailTransiently(EmailKind.InvestigationReferral, 1);

        // The move is stored, the email fails: the step is retried later.
        await Assert.ThrowsAsync<EmailTransientException>(() => activity.RunAsync(input));
        Assert.Equal(CaseStatus.ReferredForInvestigation, (await _h.Store.GetAsync(id, default))!.Status);
        await updater.UpdateAsync(id, c => c.MoveTo(staffSet), default);

        var status = await activity.RunAsync(input);

        Assert.Equal(staffSet, status);
        Assert.Equal(staffSet, (await _h.Store.GetAsync(id, default))!.Status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        var timeline = await _h.Store.GetTimelineAsync(id, default);
        Assert.Single(timeline, t => t.Event == TimelineEvent.InvestigationReferralSent);
        Assert.Equal(declinedRound ? 1 : 0, timeline.Count(t => t.Event == TimelineEvent.Declined));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RunAsync_RetryAfterTheMove_MovesOnceSendsOnce(bool declinedRound)
    {
        var id = (await _h.CaseOfAsync("Dorset")).ReferralId;
        if (declinedRound)
        {
            await _h.Get<CaseUpdater>().UpdateAsync(id, c => c.MoveTo(CaseStatus.AwaitingAuthorisation), default);
        }

        var input = Referral(id, declinedRound);
        var activity = _h.Get<MoveCaseActivity>();
        _h.Sender.FailTransiently(EmailKind.InvestigationReferral, 1);
        await Assert.ThrowsAsync<EmailTransientException>(() => activity.RunAsync(input));

        Assert.Equal(CaseStatus.ReferredForInvestigation, await activity.RunAsync(input));
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
        Assert.Equal(declinedRound ? 1 : 0, (await _h.Store.GetTimelineAsync(id, default)).Count(t => t.Event == TimelineEvent.Declined));
    }

    // An input scheduled before (no From, no entry): it moves whenever the case is not there, as it did.
    [Fact]
    public async Task RunAsync_InputOfAnEarlierShape_MovesAsBefore()
    {
        var id = (await _h.CaseOfAsync("Dorset")).ReferralId;

        var status = await _h.Get<MoveCaseActivity>().RunAsync(Referral(id, false) with { From = null });

        Assert.Equal(CaseStatus.ReferredForInvestigation, status);
        Assert.Single(_h.Sender.DeliveredOf(EmailKind.InvestigationReferral));
    }

    // What ReferForInvestigationAsync schedules in v5: the first round's move from Received, a declined round's with its entry.
    private static MoveCaseInput Referral(string id, bool declinedRound) =>
        new(id, CaseStatus.ReferredForInvestigation, At, declinedRound ? TimelineEvent.Declined : null, declinedRound ? "" : null, declinedRound ? "Declined-2" : null)
        {
            From = declinedRound ? null : CaseStatus.Received,
            ThenEmail = new SendEmailInput(id, EmailKind.InvestigationReferral, declinedRound ? "declined-2" : "assessment", EmailRecipient.Configured, null,
                At, TimelineEvent.InvestigationReferralSent, "Referred for investigation to " + SendEmailInput.MailboxPlaceholder)
            {
                Mailbox = StaffMailbox.Investigation,
            },
        };
}
