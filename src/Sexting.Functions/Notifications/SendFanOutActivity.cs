using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Cases;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Workflow v3 (issue 22): the youth team's notification, the advice and the setting's outcome in one
/// activity, side by side, instead of three. Each email is its own step with its own "at most once"
/// claim and timeline key, as before, so a retry of the activity after one of them failed sends only
/// what had not gone.
/// </summary>
public sealed class SendFanOutActivity(ICaseStore store, SendLinkEmailActivity linkEmail, SendEmailActivity email)
{
    [Function(nameof(SendFanOutActivity))]
    public Task<EmailStepResult[]> RunAsync([ActivityTrigger] SendFanOutInput input) => SendAsync(input, null);

    /// <summary>The three emails, for the case read once (or <paramref name="known"/>, as the authorisation just wrote it).</summary>
    public async Task<EmailStepResult[]> SendAsync(SendFanOutInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var @case = known ?? await store.GetAsync(input.Setting.ReferralId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.Setting.ReferralId} does not exist.");
        return await Task.WhenAll(linkEmail.SendAsync(input.YouthTeam, @case), email.SendAsync(input.Advice, @case), email.SendAsync(input.Setting, @case)).ConfigureAwait(false);
    }
}
