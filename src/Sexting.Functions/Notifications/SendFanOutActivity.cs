using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Cases;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Workflow v3 (issue 22): the youth team's notification, the advice and the setting's outcome in one
/// activity, side by side, instead of three. Each email is its own step with its own "at most once"
/// claim and timeline key, as before, so a retry of the activity after one of them failed sends only
/// what had not gone. The three steps are recorded together once all three went, in one transaction
/// (youth team, advice, setting, in that order): recorded one by one, side by side, they contended for
/// the end of the case's timeline and read and wrote it again.
/// </summary>
public sealed class SendFanOutActivity(ICaseStore store, SendLinkEmailActivity linkEmail, SendEmailActivity email)
{
    [Function(nameof(SendFanOutActivity))]
    public Task<EmailStepResult[]> RunAsync([ActivityTrigger] SendFanOutInput input) => SendAsync(input, null);

    /// <summary>The three emails, for the case read once (or <paramref name="known"/>, as the authorisation just wrote it).</summary>
    public async Task<EmailStepResult[]> SendAsync(SendFanOutInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var referralId = input.Setting.ReferralId;
        var @case = known ?? await store.GetAsync(referralId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {referralId} does not exist.");
        var delivered = await Task.WhenAll(linkEmail.DeliverAsync(input.YouthTeam, @case), email.DeliverAsync(input.Advice, @case), email.DeliverAsync(input.Setting, @case)).ConfigureAwait(false);
        // A fault here leaves the three unrecorded; the activity's retry finds each message's key with the
        // sender, sends nothing again, and records them then (contract §4.6).
        await store.RecordStepsAsync(referralId, [.. delivered.Select(d => d.Record).OfType<StepRecord>()], CancellationToken.None).ConfigureAwait(false);
        return [.. delivered.Select(d => d.Result)];
    }
}
