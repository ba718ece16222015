using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SendGrid;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>
/// SendGrid mode. Each idempotency key is claimed in the <see cref="IOnceLedger"/> before the
/// first attempt: a key already claimed is not sent again (<see cref="EmailDeliveryStatus.AlreadyDelivered"/>).
/// 429, 408, 5xx and network failures are retried with back-off, honouring <c>Retry-After</c>, by
/// the HTTP client's resilience handler (<see cref="SendGridRetry"/>). A 400 about the recipients (its errors name
/// personalizations fields) is permanent (<see cref="EmailDeliveryStatus.Rejected"/>); any other 4xx (401, 403, a
/// payload it does not take) is the account's fault, not the message's, and transient like the rest. When a send does not
/// succeed the claim is released, so the workflow's retry of the step can send it.
/// </summary>
internal sealed partial class SendGridEmailSender(
    ISendGridClient client,
    IOnceLedger ledger,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<SendGridEmailSender> logger) : IEmailSender
{
    public async Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var mail = SendGridPayload.Create(message, settings);

        // Table keys may not hold every character; a hash is short and safe anywhere. Not delivered:
        // the key is given back so a retried step can send it.
        var claim = "email-" + EmailIdempotencyKey.Hash(message.IdempotencyKey);
        var run = await ledger.RunOnceAsync(
            claim,
            () => SendAsync(mail, message, settings.Retry, cancellationToken),
            delivery => delivery.Status == EmailDeliveryStatus.Delivered,
            null,
            cancellationToken).ConfigureAwait(false);
        switch (run.Claim)
        {
            case OnceClaim.Completed:
                LogAlreadySent(logger, message.Kind, message.ReferralId);
                return new EmailDelivery(EmailDeliveryStatus.AlreadyDelivered);
            case OnceClaim.Held:
                // Another attempt is sending it now, or died doing so and its lease has not run out:
                // not delivered yet, so the caller's retry comes back later rather than dropping it.
                throw new EmailTransientException("Another attempt holds this message's claim; try again later.");
            default:
                return run.Result!;
        }
    }

    // One send through the HTTP client, whose resilience handler has already retried what can be
    // retried (SendGridRetry): what comes back here is the final answer.
    private async Task<EmailDelivery> SendAsync(SendGrid.Helpers.Mail.SendGridMessage mail, EmailMessage message, EmailRetryOptions retry, CancellationToken cancellationToken)
    {
        Response? response = null;
        Exception? failure = null;
        try
        {
            response = await client.SendEmailAsync(mail, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            failure = ex;
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            failure = ex; // the HTTP client's own timeout
        }

        var status = response is null ? (int?)null : (int)response.StatusCode;
        if (status is >= 200 and < 300)
        {
            LogDelivered(logger, message.Kind, message.ReferralId);
            return new EmailDelivery(EmailDeliveryStatus.Delivered);
        }

        if (status is { } code && !IsTransient(code))
        {
            var (error, fields) = await DescribeRejectionAsync(response!).ConfigureAwait(false);
            if (IsAboutTheRecipient(code, fields))
            {
                LogRejected(logger, message.Kind, message.ReferralId, code);
                return new EmailDelivery(EmailDeliveryStatus.Rejected, error);
            }

            // Contract §4.4, §4.6: anything else SendGrid refuses is the service's own fault, not this message's
            // recipient: the API key revoked (401), the sender not verified or this address not allowed (403), a
            // payload or path it does not take. Recorded as refused, every email of the outage would be dropped
            // (the reporters' confirmation links among them) with no alert. Not delivered: the step is retried,
            // stalls and alerts (docs/monitoring.md) until someone puts the account right.
            LogRefusedByTheService(logger, message.Kind, message.ReferralId, code);
            throw Transient($"SendGrid refused the request with {code}, not for its recipient: the account, key or sender needs attention.", null);
        }

        var what = status is { } s ? $"SendGrid answered {s}" : "SendGrid could not be reached";
        LogGivingUp(logger, message.Kind, message.ReferralId, status);

        // Honour a long Retry-After by not sending again now; the workflow retries the step later.
        var retryAfter = RetryDelays.RetryAfter(response?.Headers, clock.GetUtcNow());
        throw Transient(
            retryAfter > retry.MaxRetryAfter
                ? $"{what}; it asked to wait {retryAfter.Value.TotalSeconds:0} s, longer than this send waits."
                : $"{what} after {retry.MaxAttempts} attempts.",
            failure);
    }

    private static EmailTransientException Transient(string message, Exception? failure) =>
        failure is null ? new EmailTransientException(message) : new EmailTransientException(message, failure);

    // 408 Request Timeout and 429 Too Many Requests pass; so may any 5xx.
    private static bool IsTransient(int status) => status is 408 or 429 or >= 500;

    // A refusal for good (StepFailed on the timeline) only when SendGrid says the request was bad because of its
    // personalizations (the recipients' addresses): 400 with every error naming a personalizations field.
    private static bool IsAboutTheRecipient(int status, IReadOnlyList<string?> fields) =>
        status == 400 && fields.Count > 0 && fields.All(f => f is not null && f.StartsWith("personalizations", StringComparison.Ordinal));

    // The reason goes onto the case timeline: the status and SendGrid's error fields and
    // messages, never the message itself. SendGrid's messages name the problem, not the content.
    // Also the errors' fields, which say whether the refusal is about a recipient.
    private static async Task<(string Description, IReadOnlyList<string?> Fields)> DescribeRejectionAsync(Response response)
    {
        var description = $"SendGrid rejected the message: {(int)response.StatusCode} {response.StatusCode}";
        var fields = new List<string?>();
        if (response.Body is null)
        {
            return (description, fields);
        }

        try
        {
            var body = await response.Body.ReadAsStringAsync().ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
                fields.AddRange(errors.EnumerateArray().Select(e => Text(e, "field")));
                var parts = errors.EnumerateArray()
                    .Select(e => string.Join(
                        ": ",
                        new[] { Text(e, "field"), Text(e, "message") }.Where(t => !string.IsNullOrEmpty(t))))
                    .Where(t => t.Length > 0)
                    .Take(5);
                var joined = string.Join("; ", parts);
                if (joined.Length > 0)
                {
                    description += " (" + (joined.Length > 500 ? joined[..500] : joined) + ")";
                }
            }
        }
        catch (JsonException)
        {
            // Not SendGrid's error shape: the status says enough.
        }

        return (description, fields);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for referral {ReferralId} delivered to SendGrid")]
    private static partial void LogDelivered(ILogger logger, EmailKind kind, string? referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for referral {ReferralId} already sent; not sent again")]
    private static partial void LogAlreadySent(ILogger logger, EmailKind kind, string? referralId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for referral {ReferralId} rejected by SendGrid with status {Status}")]
    private static partial void LogRejected(ILogger logger, EmailKind kind, string? referralId, int status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Kind} for referral {ReferralId}: SendGrid refused the request with status {Status}, not for its recipient (API key, sender or account); not sent, the step is retried")]
    private static partial void LogRefusedByTheService(ILogger logger, EmailKind kind, string? referralId, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for referral {ReferralId}: status {Status} after the client's retries; giving up for now")]
    private static partial void LogGivingUp(ILogger logger, EmailKind kind, string? referralId, int? status);
}
