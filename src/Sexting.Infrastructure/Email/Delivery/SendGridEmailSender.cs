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
/// the HTTP client's resilience handler (<see cref="SendGridRetry"/>); any other 4xx is permanent (<see cref="EmailDeliveryStatus.Rejected"/>). When a send does not
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
            var error = await DescribeRejectionAsync(response!).ConfigureAwait(false);
            LogRejected(logger, message.Kind, message.ReferralId, code);
            return new EmailDelivery(EmailDeliveryStatus.Rejected, error);
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

    // The reason goes onto the case timeline: the status and SendGrid's error fields and
    // messages, never the message itself. SendGrid's messages name the problem, not the content.
    private static async Task<string> DescribeRejectionAsync(Response response)
    {
        var description = $"SendGrid rejected the message: {(int)response.StatusCode} {response.StatusCode}";
        if (response.Body is null)
        {
            return description;
        }

        try
        {
            var body = await response.Body.ReadAsStringAsync().ConfigureAwait(false);
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array)
            {
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

        return description;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Kind} for referral {ReferralId}: status {Status} after the client's retries; giving up for now")]
    private static partial void LogGivingUp(ILogger logger, EmailKind kind, string? referralId, int? status);
}
