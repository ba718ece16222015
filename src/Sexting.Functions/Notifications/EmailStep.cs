using System.Globalization;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Notifications;

/// <summary>
/// Composes, sends and records one email step. Idempotency key
/// <c>{referralId}:{kind}:{step}:{keyed hash of recipient}</c> (<see cref="EmailIdempotencyKey"/>): a retried
/// step is delivered once by the sender, and no key carries an address.
/// A refused message is recorded as <see cref="TimelineEvent.StepFailed"/> and the workflow goes on;
/// a transient failure is thrown so the activity's retry policy tries again (contract §4.6).
/// </summary>
public sealed partial class EmailStep(IEmailComposer composer, IEmailSender sender, ICaseStore store, EmailIdempotencyKey keys, ILogger<EmailStep> logger)
{
    public async Task<EmailStepResult> SendAsync(
        IReadOnlyList<EmailRequest> requests, string referralId, string step, DateTimeOffset at, TimelineEvent onSuccess, string detail, CancellationToken cancellationToken)
    {
        var delivered = await DeliverAsync(requests, referralId, step, at, onSuccess, detail, cancellationToken).ConfigureAwait(false);
        await RecordAsync(referralId, delivered, cancellationToken).ConfigureAwait(false);
        return delivered.Result;
    }

    /// <summary>
    /// Composes and sends the step's messages; what it leaves on the case (<see cref="DeliveredStep.Record"/>)
    /// is not recorded yet, so that steps sent side by side can be recorded together
    /// (<see cref="ICaseStore.RecordStepsAsync"/>). A refusal is recorded at once.
    /// </summary>
    public async Task<DeliveredStep> DeliverAsync(
        IReadOnlyList<EmailRequest> requests, string referralId, string step, DateTimeOffset at, TimelineEvent onSuccess, string detail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        int delivered = 0, rejected = 0;
        EmailKind? kind = null;
        var sent = new List<SentEmail>(requests.Count);
        foreach (var request in requests)
        {
            kind = request.Kind;
            var composed = composer.Compose(request);
            var key = keys.For(referralId, request.Kind, step, request.To);
            var message = new EmailMessage(request.Kind, referralId, key, request.To, composed.Subject, composed.TextBody, composed.HtmlBody);
            var result = await sender.SendAsync(message, cancellationToken).ConfigureAwait(false);
            if (result.Status == EmailDeliveryStatus.Rejected)
            {
                rejected++;
                LogRefused(logger, referralId, request.Kind, step);
                await store.AppendTimelineAsync(referralId, new TimelineEntry(
                    at,
                    TimelineEvent.StepFailed,
                    string.Create(CultureInfo.InvariantCulture, $"{request.Kind} email could not be delivered (refused by the mail service)"),
                    $"StepFailed:{request.Kind}:{step}:{rejected}"), cancellationToken).ConfigureAwait(false);
            }
            else
            {
                delivered++;
                // Contract §10: the case lists each email sent (kind, to, when); idempotent by the message's key.
                sent.Add(new SentEmail(request.Kind, request.To, at, key));
            }
        }

        LogStepDone(logger, referralId, step, kind, delivered, rejected);
        // One entry for the step, when anything went, or when the step had nobody to write to; issue 22: with
        // the step's sent emails, in one transaction. A retry after a fault finds the sender's key and records them then.
        var record = delivered > 0 || requests.Count == 0
            ? new StepRecord(new TimelineEntry(at, onSuccess, detail, $"{onSuccess}:{step}"), sent)
            : null;
        return new DeliveredStep(new EmailStepResult(delivered, rejected), record);
    }

    /// <summary>Records what a delivered step leaves on its case, if anything.</summary>
    public async Task RecordAsync(string referralId, DeliveredStep delivered, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(delivered);
        if (delivered.Record is { } record)
        {
            await store.RecordStepAsync(referralId, record.Entry, record.Emails, cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: {EmailKind} email of step {Step} was refused")]
    private static partial void LogRefused(ILogger logger, string referralId, EmailKind emailKind, string step);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: step {Step} ({EmailKind}) delivered {Delivered}, refused {Rejected}")]
    private static partial void LogStepDone(ILogger logger, string referralId, string step, EmailKind? emailKind, int delivered, int rejected);
}
