using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email.Delivery;

/// <summary>
/// Outbox mode (contract §6): each message is one SendGrid v3 JSON file in <c>Email:OutboxPath</c>.
/// The file name comes from the idempotency key alone (<c>{kind}-{hash of key}.json</c>), and the
/// file appears by one atomic step: written and flushed under a temporary name that readers
/// ignore, then given its final name by <see cref="AtomicPublish"/>, which fails if a file of
/// that name exists. So a reader
/// never sees half a file, and a retried or concurrent send of the same key leaves the one file
/// there and reports <see cref="EmailDeliveryStatus.AlreadyDelivered"/>.
/// </summary>
internal sealed partial class OutboxEmailSender(IOptions<EmailOptions> options, ILogger<OutboxEmailSender> logger) : IEmailSender
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public async Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var settings = options.Value;
        var json = SendGridPayload.ToIndentedJson(SendGridPayload.Create(message, settings));

        var directory = Path.GetFullPath(settings.OutboxPath);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, FileName(message));
        if (File.Exists(path))
        {
            LogAlreadyWritten(logger, message.Kind, message.ReferralId);
            return new EmailDelivery(EmailDeliveryStatus.AlreadyDelivered);
        }

        var temporary = Path.Combine(directory, "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
            await using (stream.ConfigureAwait(false))
            {
                await stream.WriteAsync(Utf8NoBom.GetBytes(json), cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            if (!AtomicPublish.TryPublish(temporary, path))
            {
                LogAlreadyWritten(logger, message.Kind, message.ReferralId);
                return new EmailDelivery(EmailDeliveryStatus.AlreadyDelivered);
            }
        }
        catch (IOException ex)
        {
            throw new EmailTransientException("The outbox could not be written.", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new EmailTransientException("The outbox could not be written.", ex);
        }
        finally
        {
            File.Delete(temporary);
        }

        LogWritten(logger, message.Kind, message.ReferralId);
        return new EmailDelivery(EmailDeliveryStatus.Delivered);
    }

    /// <summary>The outbox file of a message: its kind, then the SHA-256 of its idempotency key.</summary>
    internal static string FileName(EmailMessage message) =>
        $"{message.Kind}-{EmailIdempotencyKey.Hash(message.IdempotencyKey)[..32]}.json";

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for referral {ReferralId} written to the outbox")]
    private static partial void LogWritten(ILogger logger, EmailKind kind, string? referralId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Email {Kind} for referral {ReferralId} already in the outbox; not written again")]
    private static partial void LogAlreadyWritten(ILogger logger, EmailKind kind, string? referralId);
}
