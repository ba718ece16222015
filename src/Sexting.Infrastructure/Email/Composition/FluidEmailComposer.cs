using Microsoft.Extensions.Options;
using Sexting.Core.Forces;
using Sexting.Core.Notifications;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>Renders every <see cref="EmailKind"/> from its Liquid templates (Fluid), in plain text and HTML.</summary>
internal sealed class FluidEmailComposer(EmailTemplates templates, IOptions<PublicLinkOptions> links, ForceProfiles? forces = null) : IEmailComposer
{
    public ComposedEmail Compose(EmailRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var model = EmailModelFactory.Build(request, links.Value.PublicBaseUrl, forces);
        var name = TemplateName(request);
        return new ComposedEmail(model.Subject, templates.RenderText(name, model), templates.RenderHtml(name, model));
    }

    internal static string TemplateName(EmailRequest request) => request.Kind switch
    {
        // §3.6.2: one version for young people, one for parents and carers.
        EmailKind.AdviceGuidance => "AdviceGuidance." + (request.Audience ?? throw new ArgumentException("AdviceGuidance needs its audience.", nameof(request))),
        _ => request.Kind.ToString(),
    };
}
