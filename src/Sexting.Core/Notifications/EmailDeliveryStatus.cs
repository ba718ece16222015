namespace Sexting.Core.Notifications;

/// <summary>How a send ended.</summary>
public enum EmailDeliveryStatus
{
    /// <summary>Accepted for delivery now.</summary>
    Delivered,

    /// <summary>Already delivered by an earlier attempt with the same idempotency key; not sent again.</summary>
    AlreadyDelivered,

    /// <summary>Refused for good (a 4xx other than 429): retrying will not help.</summary>
    Rejected,
}
