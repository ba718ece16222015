using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SendGrid;
using Sexting.Core.Forces;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Configuration;
using Sexting.Infrastructure.Email.Composition;
using Sexting.Infrastructure.Email.Delivery;

namespace Sexting.Infrastructure.Email;

/// <summary>Registers email: options, the composer, and the sender that <c>Email:Mode</c> names.</summary>
public static class EmailServiceCollectionExtensions
{
    /// <summary>The name of the HTTP client the SendGrid client uses.</summary>
    public const string SendGridHttpClientName = "SendGrid";

    /// <summary>
    /// Adds <see cref="IEmailComposer"/>, <see cref="IEmailSender"/> and <see cref="EmailIdempotencyKey"/>. In <see cref="EmailMode.SendGrid"/>
    /// mode the sender needs an <c>IOnceLedger</c> from the container (registered elsewhere) and
    /// <c>SendGrid:ApiKey</c>, checked at start.
    /// </summary>
    public static IServiceCollection AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddOptions<EmailOptions>()
            .BindConfiguration(EmailOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Retry.BaseDelay >= TimeSpan.Zero && o.Retry.MaxDelay >= o.Retry.BaseDelay && o.Retry.MaxRetryAfter >= TimeSpan.Zero && o.Retry.AttemptTimeout > TimeSpan.Zero,
                "Email:Retry delays must be positive, AttemptTimeout more than zero, and MaxDelay at least BaseDelay.")
            .ValidateOnStart();
        services.AddPublicLinks();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(ForceProfiles.BuiltIn); // the app registers its configured forces (contract §1)
        services.TryAddSingleton<EmailTemplates>();
        services.TryAddSingleton<IEmailComposer, FluidEmailComposer>();
        // Keyed by Tables:IndexKey, bound by AddTableStorage; without it, the development key.
        services.TryAddSingleton<EmailIdempotencyKey>();

        // The mode is read here, once: it decides what is registered, not only how it behaves.
        var mode = configuration.GetValue($"{EmailOptions.Section}:{nameof(EmailOptions.Mode)}", EmailMode.Outbox);
        if (mode == EmailMode.SendGrid)
        {
            services.AddOptions<SendGridOptions>()
                .BindConfiguration(SendGridOptions.Section)
                .Validate(o => !string.IsNullOrWhiteSpace(o.ApiKey), "SendGrid:ApiKey is required when Email:Mode is SendGrid.")
                .Validate(o => !KeyVaultReference.IsUnresolved(o.ApiKey), KeyVaultReference.UnresolvedMessage("SendGrid:ApiKey"))
                .Validate(o => string.IsNullOrEmpty(o.Host) || Uri.TryCreate(o.Host, UriKind.Absolute, out _), "SendGrid:Host must be an absolute address.")
                .ValidateOnStart();
            services.AddHttpClient(SendGridHttpClientName)
                .ConfigureHttpClient((provider, http) => http.Timeout = SendGridRetry.WholeSendTimeout(provider.GetRequiredService<IOptions<EmailOptions>>().Value.Retry))
                .AddResilienceHandler(SendGridHttpClientName, SendGridRetry.Configure);
            services.TryAddTransient<ISendGridClient>(provider =>
            {
                var settings = provider.GetRequiredService<IOptions<SendGridOptions>>().Value;
                var clientOptions = new SendGridClientOptions { ApiKey = settings.ApiKey };
                if (!string.IsNullOrEmpty(settings.Host))
                {
                    clientOptions.Host = settings.Host;
                }

                var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(SendGridHttpClientName);
                return new SendGridClient(http, clientOptions);
            });
            services.TryAddTransient<IEmailSender, SendGridEmailSender>();
        }
        else
        {
            services.TryAddSingleton<IEmailSender, OutboxEmailSender>();
        }

        return services;
    }

    /// <summary>
    /// Binds <see cref="PublicLinkOptions"/> from the root key <c>PublicBaseUrl</c> and checks it at start-up;
    /// once, however many callers ask.
    /// </summary>
    public static IServiceCollection AddPublicLinks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.Any(d => d.ServiceType == typeof(PublicLinkOptionsBound)))
        {
            return services;
        }

        services.AddSingleton<PublicLinkOptionsBound>();
        services.AddOptions<PublicLinkOptions>()
            .Configure<IConfiguration>((o, config) =>
            {
                if (config[PublicLinkOptions.Key] is { Length: > 0 } value)
                {
                    // Not a URI at all: left relative, so the check below names the key.
                    o.PublicBaseUrl = Uri.TryCreate(value, UriKind.RelativeOrAbsolute, out var uri) ? uri : new Uri("invalid", UriKind.Relative);
                }
            })
            .Validate(o => o.PublicBaseUrl.IsAbsoluteUri && (o.PublicBaseUrl.Scheme == Uri.UriSchemeHttp || o.PublicBaseUrl.Scheme == Uri.UriSchemeHttps),
                "PublicBaseUrl must be an absolute http or https address.")
            .ValidateOnStart();
        return services;
    }

    // Marks that AddPublicLinks ran, so its validation is registered once.
    private sealed class PublicLinkOptionsBound;
}
