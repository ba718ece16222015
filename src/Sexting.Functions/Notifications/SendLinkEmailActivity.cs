using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Cases;
using Sexting.Functions.Configuration;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Issues a fresh link token, stores only its hash, and sends the email that carries it, in one
/// activity: the raw token never appears in orchestration history. A retry issues another token;
/// the sender's idempotency key keeps the first email, whose link was stored before it was sent.
/// </summary>
/// <remarks>
/// The link's lifetime counts from when it is sent, not from when the workflow scheduled the step
/// (<see cref="SendLinkEmailInput.At"/>): a step stalled past <see cref="SendLinkEmailInput.ExpiresAt"/> (an outage,
/// retried for days) would otherwise send a link expired already. The expiry is moved on by the delay.
/// </remarks>
public sealed class SendLinkEmailActivity(
    ICaseStore store, IDecisionLinkStore links, EmailStep emailStep, CaseUpdater updater, IOptions<ForcesOptions> forces, TimeProvider clock)
{
    [Function(nameof(SendLinkEmailActivity))]
    public async Task<EmailStepResult> RunAsync([ActivityTrigger] SendLinkEmailInput input) => (await SendAsync(input, null).ConfigureAwait(false)).Result;

    /// <summary>
    /// The step, for <paramref name="known"/>, the case as a merged step (workflow v5) just read or wrote it (no read
    /// of its own); recorded, with the expiry of the link this attempt issued (<see cref="DeliveredStep.LinkExpiresAt"/>).
    /// </summary>
    public async Task<DeliveredStep> SendAsync(SendLinkEmailInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var delivered = await DeliverAsync(input, known).ConfigureAwait(false);
        await emailStep.RecordAsync(input.ReferralId, delivered, CancellationToken.None).ConfigureAwait(false);
        return delivered;
    }

    /// <summary>
    /// When a link sent <paramref name="now"/> for <paramref name="input"/> expires: its lifetime
    /// (<see cref="SendLinkEmailInput.ExpiresAt"/> − <see cref="SendLinkEmailInput.At"/>) counted from the send when
    /// that is later than the step's time, so a late email's link is as long-lived as one sent on time.
    /// </summary>
    public static DateTimeOffset ExpiresAt(SendLinkEmailInput input, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        var late = now - input.At;
        return late > TimeSpan.Zero ? input.ExpiresAt + late : input.ExpiresAt;
    }

    /// <summary>As <see cref="SendAsync"/>, but leaves the step's record to the caller (<see cref="EmailStep.DeliverAsync"/>).</summary>
    public async Task<DeliveredStep> DeliverAsync(SendLinkEmailInput input, CaseRecord? known)
    {
        ArgumentNullException.ThrowIfNull(input);
        var ct = CancellationToken.None;
        CaseRecord @case;
        if (input.MoveTo is { } status)
        {
            // Workflow v3: the move and the email in one activity (the move first, so a reader who sees the
            // request's timeline entry sees the status too). A retry finds the case moved.
            CaseRecord? Move(CaseRecord c) => c.Status == status ? null : c.MoveTo(status);
            @case = known is null
                ? await updater.UpdateAsync(input.ReferralId, Move, ct).ConfigureAwait(false)
                : await updater.UpdateAsync(known, Move, ct).ConfigureAwait(false);
        }
        else
        {
            @case = known ?? await store.GetAsync(input.ReferralId, ct).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Case {input.ReferralId} does not exist.");
        }

        // Contract §12: orchestration inputs carry no address. The reporter's is read from the case, a configured
        // mailbox's from configuration, for the case's force; an input scheduled before that fix gave it in To.
        var mailbox = input.Mailbox is { } role ? forces.Value.AddressOf(@case.ForceArea, role) : null;
        var to = input.Purpose == LinkPurpose.ReporterConfirmation ? @case.Referral.Reporter.Email
            : mailbox ?? (string.IsNullOrEmpty(input.To) ? throw new InvalidOperationException("A link email needs a mailbox or an address.") : input.To);
        var detail = input.Detail.WithMailbox(mailbox);
        if (input.Reopen)
        {
            // Before this round's link is stored: it is issued at input.At, so it stays open.
            await links.ReopenAsync(input.ReferralId, input.Purpose, input.At, ct).ConfigureAwait(false);
        }

        // Issued at the step's time (a later round's reopening counts from it), expiring its lifetime after the send.
        var token = DecisionToken.Issue(input.ReferralId);
        var expiresAt = ExpiresAt(input, clock.GetUtcNow());
        await links.SaveAsync(new DecisionLink(token.Hash, input.ReferralId, input.Purpose, to, input.At, expiresAt, null), ct).ConfigureAwait(false);

        var request = new EmailRequest(input.Kind, to, @case)
        {
            Link = LinkUrls.For(input.PublicBaseUrl, input.Purpose, token),
            LinkExpiresAt = expiresAt,
            DueBy = input.DueBy,
        };
        var delivered = await emailStep.DeliverAsync([request], input.ReferralId, input.Step, input.At, input.Event, detail, ct).ConfigureAwait(false);
        return delivered with { LinkExpiresAt = expiresAt };
    }
}
