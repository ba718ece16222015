namespace Sexting.Core.Notifications;

/// <summary>The result of a send. Transient failures that outlast the retries are thrown, not returned.</summary>
public sealed record EmailDelivery(EmailDeliveryStatus Status, string? Error = null);
