using System.ComponentModel.DataAnnotations;

namespace Sexting.Infrastructure.Email;

/// <summary>Email settings (contract §1, <c>Email:*</c>).</summary>
public sealed class EmailOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Email";

    /// <summary>Outbox (files) or SendGrid.</summary>
    public EmailMode Mode { get; set; } = EmailMode.Outbox;

    /// <summary>Where the outbox writes one file per message; relative paths are relative to the working directory.</summary>
    [Required]
    public string OutboxPath { get; set; } = ".local/outbox";

    /// <summary>The sender address.</summary>
    [Required]
    [EmailAddress]
    public string From { get; set; } = "no-reply@ypsi.example";

    /// <summary>The sender's display name, if any.</summary>
    public string? FromName { get; set; }

    /// <summary>How transient SendGrid failures are retried within one send.</summary>
    [Required]
    public EmailRetryOptions Retry { get; set; } = new();
}
