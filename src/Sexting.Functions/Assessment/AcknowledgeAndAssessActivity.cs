using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Cases;
using Sexting.Functions.Notifications;

namespace Sexting.Functions.Assessment;

/// <summary>
/// Workflow v5 (issue 22): what v4 did in two or three activities, in one. Acknowledges the referral with
/// the confirmation link, assesses it, and alerts the safeguarding expert when the assessment finds
/// concerns (§3.2.3, §3.5). The steps run in that order, as in v4. Each is idempotent on its own: an email
/// keeps its "at most once" claim and timeline key, and a stored assessment is kept. So a retry after a
/// fault sends only what had not gone and never changes the route.
/// </summary>
public sealed class AcknowledgeAndAssessActivity(ICaseStore store, SendLinkEmailActivity linkEmail, AssessReferralActivity assess, SendEmailActivity email)
{
    [Function(nameof(AcknowledgeAndAssessActivity))]
    public async Task<AssessReferralResult> RunAsync([ActivityTrigger] AcknowledgeAndAssessInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // The case read once: each step after works from it, or from what the one before stored.
        var @case = await store.GetAsync(input.Assessment.ReferralId, CancellationToken.None).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Case {input.Assessment.ReferralId} does not exist.");
        var acknowledged = await linkEmail.SendAsync(input.Acknowledgement, @case).ConfigureAwait(false);
        var (assessment, assessed) = await assess.AssessAsync(input.Assessment, @case).ConfigureAwait(false);
        if (assessment.HasSafeguardingConcerns)
        {
            await email.SendAsync(input.SafeguardingAlert, assessed).ConfigureAwait(false);
        }

        // Contract §11: the deadline is the link's, counted from when it was sent (a step stalled past the scheduled
        // deadline would otherwise make the case unconfirmed at once). When an earlier attempt delivered the email, its
        // link expires a little before this attempt's: the reporter loses nothing, the case waits that much longer.
        return assessment with { ConfirmBy = acknowledged.LinkExpiresAt };
    }
}
