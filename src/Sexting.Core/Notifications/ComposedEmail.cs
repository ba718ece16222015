namespace Sexting.Core.Notifications;

/// <summary>A rendered email: subject, plain text and HTML.</summary>
public sealed record ComposedEmail(string Subject, string TextBody, string HtmlBody);
