using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Cases;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Email;
using Sexting.TestSupport.Mail;

namespace Sexting.Infrastructure.Tests.Email;

/// <summary>The real SendGrid client, registered by <c>AddEmail</c>, against the test kit's SendGrid stand-in on 127.0.0.1.</summary>
public sealed class SendGridEmailSenderTests : IAsyncLifetime
{
    private const string ApiKey = SendGridStub.ApiKey;

    private SendGridStub _server = null!;
    private readonly InMemoryOnceLedger _ledger = new();

    public async Task InitializeAsync() => _server = await SendGridStub.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task SendAsync_Accepted_PostsV3PayloadWithKeyAndCustomArgs()
    {
        var composed = new Sexting.Infrastructure.Email.Composition.FluidEmailComposer(
            new Sexting.Infrastructure.Email.Composition.EmailTemplates(),
            Microsoft.Extensions.Options.Options.Create(new PublicLinkOptions()));
        var request = TestCases.RequestFor(EmailKind.AuthorisationRequest);
        var message = EmailMessageFactory.Create(request, composed.Compose(request), "request-1", TestCases.Keys);

        var delivery = await Sender().SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Delivered, delivery.Status);
        var captured = Assert.Single(_server.Captured);
        Assert.Equal("POST", captured.Method);
        Assert.Equal("/v3/mail/send", captured.Path);
        Assert.Equal("Bearer " + ApiKey, captured.Authorization);
        using var json = JsonDocument.Parse(captured.Body);
        var root = json.RootElement;
        Assert.Equal("no-reply@ypsi.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal(request.To, root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal("DC-2026-000042: Outcome 27 proposed - your authorisation is needed", root.GetProperty("subject").GetString());
        var content = root.GetProperty("content");
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Contains(TestCases.ApprovalLink.AbsoluteUri, content[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Contains(TestCases.ApprovalLink.AbsoluteUri, content[1].GetProperty("value").GetString(), StringComparison.Ordinal);
        var args = root.GetProperty("custom_args");
        Assert.Equal("AuthorisationRequest", args.GetProperty("kind").GetString());
        Assert.Equal(TestCases.ReferralId, args.GetProperty("referralId").GetString());
        Assert.Equal(message.IdempotencyKey, args.GetProperty("idempotencyKey").GetString());
        Assert.DoesNotContain("@", message.IdempotencyKey, StringComparison.Ordinal); // the recipient is hashed
        Assert.False(root.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean());
        Assert.False(root.GetProperty("tracking_settings").GetProperty("open_tracking").GetProperty("enable").GetBoolean());
        Assert.Single(_ledger.Claims);
    }

    [Fact]
    public async Task SendAsync_429ThenRetryAfterThen500Then202_DeliveredOnceAfterHonouringRetryAfter()
    {
        _server.Enqueue(429, retryAfter: "1");
        _server.Enqueue(500);
        _server.Enqueue(202);
        var watch = Stopwatch.StartNew();

        var delivery = await Sender().SendAsync(OutboxEmailSenderTests.Message(EmailKind.YouthTeamNotification, "notify"), CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Delivered, delivery.Status);
        var requests = _server.Captured.ToList();
        Assert.Equal(3, requests.Count);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(950), $"waited only {(requests[1].At - requests[0].At).TotalMilliseconds} ms after 429 Retry-After: 1");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10));
        Assert.Single(requests.Select(r => r.Body).Distinct()); // the same message each time

        // The step retried after success sends nothing more.
        var again = await Sender().SendAsync(OutboxEmailSenderTests.Message(EmailKind.YouthTeamNotification, "notify"), CancellationToken.None);
        Assert.Equal(EmailDeliveryStatus.AlreadyDelivered, again.Status);
        Assert.Equal(3, _server.Captured.Count);
    }

    [Fact]
    public async Task SendAsync_ConcurrentSameKey_PostedOnce()
    {
        var message = OutboxEmailSenderTests.Message(EmailKind.AdviceGuidance, "advice", "sam@family.example");
        var sender = Sender();

        // While one send is in flight the others are told to come back later (transient), never "delivered".
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () =>
        {
            try
            {
                return (await sender.SendAsync(message, CancellationToken.None)).Status.ToString();
            }
            catch (EmailTransientException)
            {
                return "Held";
            }
        })));

        Assert.Single(_server.Captured);
        Assert.Equal(1, results.Count(r => r == nameof(EmailDeliveryStatus.Delivered)));
        Assert.Equal(7, results.Count(r => r is nameof(EmailDeliveryStatus.AlreadyDelivered) or "Held"));
        Assert.Equal(EmailDeliveryStatus.AlreadyDelivered, (await sender.SendAsync(message, CancellationToken.None)).Status);
        Assert.Single(_server.Captured);
    }

    [Fact]
    public async Task SendAsync_ClaimHeldByAnotherAttempt_TransientAndNothingPosted()
    {
        // Another attempt (perhaps on a host that died mid-send) holds the claim: not delivered yet,
        // so the caller must retry later — "already delivered" here would lose the email.
        var message = OutboxEmailSenderTests.Message(EmailKind.AdviceGuidance, "advice", "sam@family.example");
        Assert.Equal(OnceClaim.Claimed, await _ledger.TryClaimAsync("email-" + EmailIdempotencyKey.Hash(message.IdempotencyKey), CancellationToken.None));

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender().SendAsync(message, CancellationToken.None));

        Assert.Empty(_server.Captured);
    }

    [Fact]
    public async Task SendAsync_400AboutTheRecipient_RejectedWithReasonAndClaimReleased()
    {
        _server.Enqueue(400, body: """{"errors":[{"message":"Does not contain a valid address.","field":"personalizations.0.to.0.email","help":null}]}""");

        var delivery = await Sender().SendAsync(OutboxEmailSenderTests.Message(EmailKind.SettingOutcome, "outcome"), CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Rejected, delivery.Status);
        Assert.Contains("400", delivery.Error, StringComparison.Ordinal);
        Assert.Contains("personalizations.0.to.0.email: Does not contain a valid address.", delivery.Error, StringComparison.Ordinal);
        Assert.Single(_server.Captured); // a permanent failure is not retried
        Assert.Empty(_ledger.Claims);
    }

    // Contract §4.6: a refusal that is not about the recipient is the account's fault (a key revoked, a sender not
    // verified, an address not allowed): recorded as refused, every email of the outage would be dropped with no
    // alert. Transient instead, with the claim released, so the workflow's step is retried, stalls and alerts.
    [Theory]
    [InlineData(401, null)]
    [InlineData(403, """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}""")]
    [InlineData(400, """{"errors":[{"message":"The from address does not match a verified Sender Identity.","field":"from","help":null}]}""")]
    [InlineData(400, """{"errors":[{"message":"Invalid address.","field":"personalizations.0.to.0.email"},{"message":"Bad subject.","field":"subject"}]}""")]
    [InlineData(400, null)]
    [InlineData(413, null)]
    public async Task SendAsync_RefusedNotForTheRecipient_TransientClaimReleasedAndRetriedLater(int status, string? body)
    {
        _server.Enqueue(status, body: body);
        var message = OutboxEmailSenderTests.Message(EmailKind.IntakeAcknowledgement, "intake");
        var sender = Sender();

        var refused = await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(message, CancellationToken.None));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), refused.Message, StringComparison.Ordinal);
        Assert.Single(_server.Captured); // not retried within the send: the account needs attention first
        Assert.Empty(_ledger.Claims);
        // Once the account is put right, the workflow's retry of the step sends it.
        Assert.Equal(EmailDeliveryStatus.Delivered, (await sender.SendAsync(message, CancellationToken.None)).Status);
        Assert.Equal(2, _server.Captured.Count);
    }

    [Fact]
    public async Task SendAsync_5xxUntilAttemptsRunOut_ThrowsTransientAndReleasesClaimSoRetryCanSend()
    {
        for (var i = 0; i < 3; i++)
        {
            _server.Enqueue(503);
        }

        var message = OutboxEmailSenderTests.Message(EmailKind.InvestigationReferral, "referral");
        var sender = Sender(maxAttempts: 3);

        await Assert.ThrowsAsync<EmailTransientException>(() => sender.SendAsync(message, CancellationToken.None));
        Assert.Equal(3, _server.Captured.Count);
        Assert.Empty(_ledger.Claims);

        // The workflow retries the step later; now it goes through.
        var retried = await sender.SendAsync(message, CancellationToken.None);
        Assert.Equal(EmailDeliveryStatus.Delivered, retried.Status);
        Assert.Equal(4, _server.Captured.Count);
    }

    [Fact]
    public async Task SendAsync_AttemptStalls_TimedOutAndRetriedThenDeliveredOnce()
    {
        _server.Enqueue(202, delay: TimeSpan.FromSeconds(30));
        var watch = Stopwatch.StartNew();

        var delivery = await Sender(attemptTimeout: "00:00:00.500").SendAsync(OutboxEmailSenderTests.Message(EmailKind.SettingOutcome, "stall"), CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Delivered, delivery.Status);
        Assert.Equal(2, _server.Captured.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed.TotalSeconds:0.0} s: the stalled attempt was not cut off");
    }

    [Fact]
    public async Task SendAsync_OneAttemptOnly_503NotRetriedAndTransient()
    {
        _server.Enqueue(503);

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender(maxAttempts: 1).SendAsync(OutboxEmailSenderTests.Message(EmailKind.SettingOutcome, "outcome"), CancellationToken.None));

        Assert.Single(_server.Captured);
        Assert.Empty(_ledger.Claims);
    }

    [Fact]
    public async Task SendAsync_RetryAfterLongerThanSendWaits_ThrowsTransientAtOnce()
    {
        _server.Enqueue(429, retryAfter: "3600");
        var watch = Stopwatch.StartNew();

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender().SendAsync(OutboxEmailSenderTests.Message(EmailKind.EducationReminder, "2026-12-29"), CancellationToken.None));

        Assert.Single(_server.Captured);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5));
        Assert.Empty(_ledger.Claims);
    }

    [Fact]
    public async Task SendAsync_ServerUnreachable_ThrowsTransient()
    {
        var address = _server.BaseAddress;
        await _server.DisposeAsync();
        _server = await SendGridStub.StartAsync(); // a fresh one for DisposeAsync; the old port is closed

        await Assert.ThrowsAsync<EmailTransientException>(() => Sender(maxAttempts: 2, host: address).SendAsync(OutboxEmailSenderTests.Message(EmailKind.SafeguardingAlert, "alert"), CancellationToken.None));
        Assert.Empty(_ledger.Claims);
    }

    private IEmailSender Sender(int maxAttempts = 5, string? host = null, string attemptTimeout = "00:00:30")
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Email:Mode"] = "SendGrid",
                ["SendGrid:ApiKey"] = ApiKey,
                ["SendGrid:Host"] = host ?? _server.BaseAddress,
                ["Email:Retry:MaxAttempts"] = maxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Email:Retry:BaseDelay"] = "00:00:00.010",
                ["Email:Retry:MaxDelay"] = "00:00:00.050",
                ["Email:Retry:MaxRetryAfter"] = "00:00:05",
                ["Email:Retry:AttemptTimeout"] = attemptTimeout,
            })
            .Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddLogging()
            .AddSingleton<IOnceLedger>(_ledger)
            .AddEmail(configuration);
        return services.BuildServiceProvider().GetRequiredService<IEmailSender>();
    }
}
