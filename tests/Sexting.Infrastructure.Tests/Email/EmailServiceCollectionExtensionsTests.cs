using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Email;

namespace Sexting.Infrastructure.Tests.Email;

public sealed class EmailServiceCollectionExtensionsTests
{
    [Fact]
    public void AddEmail_NoConfiguration_OutboxWithContractDefaults()
    {
        using var provider = Provider([]);

        var options = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
        Assert.Equal(EmailMode.Outbox, options.Mode);
        Assert.Equal(".local/outbox", options.OutboxPath);
        Assert.Equal("no-reply@ypsi.example", options.From);
        Assert.Equal(new Uri("http://127.0.0.1:7071"), provider.GetRequiredService<IOptions<PublicLinkOptions>>().Value.PublicBaseUrl);
        Assert.Equal("OutboxEmailSender", provider.GetRequiredService<IEmailSender>().GetType().Name);
        Assert.NotNull(provider.GetRequiredService<IEmailComposer>());
    }

    [Fact]
    public void AddEmail_SendGridMode_SendGridSender()
    {
        using var provider = Provider(new() { ["Email:Mode"] = "SendGrid", ["SendGrid:ApiKey"] = "SG.x" });

        Assert.Equal("SendGridEmailSender", provider.GetRequiredService<IEmailSender>().GetType().Name);
    }

    // The HttpClient's timeout bounds the whole send, its retries and waits included (the default was 100 s), within
    // what a route may take (230 s in Azure) and two sends in one activity (functionTimeout 10 minutes).
    [Theory]
    [InlineData(null, null, 180)] // the defaults want 5 × 30 s + 4 × 60 s + 60 s = 450 s: at most 3 minutes
    [InlineData("2", "00:00:10", 140)] // 2 × 10 s + 1 × 60 s + 60 s
    public void AddEmail_SendGridMode_ClientTimeoutCoversEveryAttemptAndWait(string? attempts, string? attemptTimeout, int seconds)
    {
        var settings = new Dictionary<string, string?> { ["Email:Mode"] = "SendGrid", ["SendGrid:ApiKey"] = "SG.x" };
        if (attempts is not null)
        {
            settings["Email:Retry:MaxAttempts"] = attempts;
            settings["Email:Retry:AttemptTimeout"] = attemptTimeout;
        }

        using var provider = Provider(settings);

        var http = provider.GetRequiredService<IHttpClientFactory>().CreateClient(EmailServiceCollectionExtensions.SendGridHttpClientName);
        Assert.Equal(TimeSpan.FromSeconds(seconds), http.Timeout);
    }

    [Fact]
    public void AddEmail_SendGridModeWithoutKey_FailsValidation()
    {
        using var provider = Provider(new() { ["Email:Mode"] = "SendGrid" });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);
        Assert.Contains("SendGrid:ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddEmail_SendGridKeyUnresolvedKeyVaultReference_FailsWithItsName()
    {
        // What App Service passes on when it cannot read the secret: the reference itself, as text.
        using var provider = Provider(new()
        {
            ["Email:Mode"] = "SendGrid",
            ["SendGrid:ApiKey"] = "@Microsoft.KeyVault(SecretUri=https://kv-example.vault.azure.net/secrets/SendGrid--ApiKey/)",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<SendGridOptions>>().Value);
        Assert.Contains("SendGrid:ApiKey is an unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PublicBaseUrl", "/relative")]
    [InlineData("PublicBaseUrl", "ftp://ypsi.example")]
    [InlineData("Email:From", "not an address")]
    public void AddEmail_BadSetting_FailsValidation(string key, string value)
    {
        using var provider = Provider(new() { [key] = value });

        Assert.ThrowsAny<OptionsValidationException>(() =>
        {
            _ = provider.GetRequiredService<IOptions<EmailOptions>>().Value;
            _ = provider.GetRequiredService<IOptions<PublicLinkOptions>>().Value;
        });
    }

    [Fact]
    public void AddEmail_PublicBaseUrl_UsedForRelativeLinks()
    {
        using var provider = Provider(new() { ["PublicBaseUrl"] = "https://ypsi.example" });
        var composer = provider.GetRequiredService<IEmailComposer>();

        var email = composer.Compose(TestCases.RequestFor(EmailKind.AuthorisationRequest) with { Link = new Uri("/api/approvals/t", UriKind.Relative) });

        Assert.Contains("https://ypsi.example/api/approvals/t", email.TextBody, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IOnceLedger, InMemoryOnceLedger>()
            .AddEmail(configuration)
            .BuildServiceProvider();
    }
}
