namespace Sexting.Core.Notifications;

/// <summary>Sends email, retrying transient failures, and never twice for one idempotency key.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>.</summary>
    /// <returns>Delivered, already delivered, or rejected for good.</returns>
    /// <exception cref="EmailTransientException">Delivery still failing after the retries; try again later.</exception>
    Task<EmailDelivery> SendAsync(EmailMessage message, CancellationToken cancellationToken);
}
