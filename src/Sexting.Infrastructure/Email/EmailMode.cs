namespace Sexting.Infrastructure.Email;

/// <summary>How email leaves the product (contract §1, <c>Email:Mode</c>).</summary>
public enum EmailMode
{
    /// <summary>Each message is written as one SendGrid v3 JSON file in <c>Email:OutboxPath</c> (contract §6).</summary>
    Outbox,

    /// <summary>Each message is sent through the SendGrid v3 API.</summary>
    SendGrid,
}
