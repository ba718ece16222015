namespace Sexting.Infrastructure.Email;

/// <summary>SendGrid settings (contract §1, <c>SendGrid:*</c>).</summary>
public sealed class SendGridOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "SendGrid";

    /// <summary>The API key; required in SendGrid mode. Never logged.</summary>
    public string? ApiKey { get; set; }

    /// <summary>The API host; unset means SendGrid's own. Tests point the real client at a local server with it.</summary>
    public string? Host { get; set; }
}
