using Sexting.Core.Notifications;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>Renders just enough to assert on: kind and crime reference in the subject, the link in the text.</summary>
public sealed class TrivialEmailComposer : IEmailComposer
{
    public ComposedEmail Compose(EmailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var subject = $"{request.Kind} {request.Case?.CrimeReference}";
        var text = $"{subject}\nLink: {request.Link}\nDue: {request.DueBy:O}\nAudience: {request.Audience}";
        return new ComposedEmail(subject, text, "<p>" + System.Net.WebUtility.HtmlEncode(text) + "</p>");
    }
}
