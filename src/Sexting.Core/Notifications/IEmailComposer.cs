namespace Sexting.Core.Notifications;

/// <summary>
/// Renders an <see cref="EmailRequest"/>. Subjects carry the crime reference but never a young
/// person's name; user text is encoded; links are absolute.
/// </summary>
public interface IEmailComposer
{
    /// <summary>Renders the email.</summary>
    ComposedEmail Compose(EmailRequest request);
}
