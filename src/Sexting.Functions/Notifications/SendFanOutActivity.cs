using Microsoft.Azure.Functions.Worker;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Workflow v3 (issue 22): the youth team's notification, the advice and the setting's outcome in one
/// activity, side by side, instead of three. Each email is its own step with its own "at most once"
/// claim and timeline key, as before, so a retry of the activity after one of them failed sends only
/// what had not gone.
/// </summary>
public sealed class SendFanOutActivity(SendLinkEmailActivity linkEmail, SendEmailActivity email)
{
    [Function(nameof(SendFanOutActivity))]
    public async Task<EmailStepResult[]> RunAsync([ActivityTrigger] SendFanOutInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return await Task.WhenAll(linkEmail.RunAsync(input.YouthTeam), email.RunAsync(input.Advice), email.RunAsync(input.Setting)).ConfigureAwait(false);
    }
}
