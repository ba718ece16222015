using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Sexting.Core.Notifications;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Email.Delivery;

namespace Sexting.Infrastructure.Tests.Email;

public sealed class OutboxEmailSenderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "sexting-outbox-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task SendAsync_Message_WritesOneSendGridV3File()
    {
        var message = Message(EmailKind.AuthorisationRequest, "request-1");

        var delivery = await Sender().SendAsync(message, CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Delivered, delivery.Status);
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".json", file, StringComparison.Ordinal);
        Assert.StartsWith("AuthorisationRequest-", Path.GetFileName(file), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        var root = json.RootElement;
        Assert.Equal("no-reply@ypsi.example", root.GetProperty("from").GetProperty("email").GetString());
        Assert.Equal("manager@police.example", root.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        Assert.Equal(message.Subject, root.GetProperty("subject").GetString());
        var content = root.GetProperty("content");
        Assert.Equal("text/plain", content[0].GetProperty("type").GetString());
        Assert.Equal(message.TextBody, content[0].GetProperty("value").GetString());
        Assert.Equal("text/html", content[1].GetProperty("type").GetString());
        Assert.Equal(message.HtmlBody, content[1].GetProperty("value").GetString());
        var args = root.GetProperty("custom_args");
        Assert.Equal("AuthorisationRequest", args.GetProperty("kind").GetString());
        Assert.Equal(TestCases.ReferralId, args.GetProperty("referralId").GetString());
        Assert.Equal(message.IdempotencyKey, args.GetProperty("idempotencyKey").GetString());
        Assert.False(root.GetProperty("tracking_settings").GetProperty("click_tracking").GetProperty("enable").GetBoolean());
    }

    [Fact]
    public async Task SendAsync_PolicyReviewReminder_HasNoReferralId()
    {
        var message = Message(EmailKind.PolicyReviewReminder, "2026-11-28") with { ReferralId = null };

        await Sender().SendAsync(message, CancellationToken.None);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(_directory))));
        var args = json.RootElement.GetProperty("custom_args");
        Assert.Equal("PolicyReviewReminder", args.GetProperty("kind").GetString());
        Assert.False(args.TryGetProperty("referralId", out _));
    }

    [Fact]
    public async Task SendAsync_SameKeyTwice_OneFileAndAlreadyDelivered()
    {
        var message = Message(EmailKind.SettingOutcome, "outcome");
        var sender = Sender();

        var first = await sender.SendAsync(message, CancellationToken.None);
        var again = await sender.SendAsync(message with { TextBody = "a retried step renders again" }, CancellationToken.None);

        Assert.Equal(EmailDeliveryStatus.Delivered, first.Status);
        Assert.Equal(EmailDeliveryStatus.AlreadyDelivered, again.Status);
        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.DoesNotContain("a retried step", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ParallelWritesOfManyAndDuplicateKeys_EveryFileCompleteAndValidAndOnePerKey()
    {
        const int Keys = 40;
        const int CopiesPerKey = 4;
        var sender = Sender();
        var bigBody = new string('x', 200_000); // big enough that a torn write would show
        var messages = Enumerable.Range(0, Keys)
            .SelectMany(i => Enumerable.Repeat(Message(EmailKind.AdviceGuidance, "advice", $"parent{i}@family.example") with { TextBody = bigBody + i }, CopiesPerKey))
            .ToList();

        // Start them together, and read the outbox while they write: a reader never sees part of a file.
        using var stop = new CancellationTokenSource();
        var reader = Task.Run(async () =>
        {
            var reads = 0;
            while (!stop.IsCancellationRequested)
            {
                foreach (var file in Directory.Exists(_directory) ? Directory.GetFiles(_directory, "*.json") : [])
                {
                    using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
                    Assert.StartsWith(bigBody, json.RootElement.GetProperty("content")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
                    reads++;
                }
            }

            return reads;
        });
        var results = await Task.WhenAll(messages.Select(m => Task.Run(() => sender.SendAsync(m, CancellationToken.None))));
        await stop.CancelAsync();
        await reader;

        Assert.Equal(Keys, results.Count(r => r.Status == EmailDeliveryStatus.Delivered));
        Assert.Equal(Keys * (CopiesPerKey - 1), results.Count(r => r.Status == EmailDeliveryStatus.AlreadyDelivered));
        var files = Directory.GetFiles(_directory);
        Assert.Equal(Keys, files.Length);
        Assert.All(files, f => Assert.EndsWith(".json", f, StringComparison.Ordinal)); // no temporary file left
        var keys = new HashSet<string>();
        foreach (var file in files)
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(file));
            keys.Add(json.RootElement.GetProperty("custom_args").GetProperty("idempotencyKey").GetString()!);
            Assert.StartsWith(bigBody, json.RootElement.GetProperty("content")[0].GetProperty("value").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(Keys, keys.Count);
    }

    [Fact]
    public async Task SendAsync_SubjectWithLineBreak_Throws()
    {
        var message = Message(EmailKind.SettingOutcome, "outcome") with { Subject = "DC-2026-000042\r\nBcc: injected@evil.example" };

        await Assert.ThrowsAsync<ArgumentException>(() => Sender().SendAsync(message, CancellationToken.None));
        Assert.False(Directory.Exists(_directory) && Directory.EnumerateFileSystemEntries(_directory).Any());
    }

    internal static EmailMessage Message(EmailKind kind, string step, string to = "manager@police.example") =>
        new(
            kind,
            TestCases.ReferralId,
            TestCases.Keys.For(TestCases.ReferralId, kind, step, to),
            to,
            "DC-2026-000042: test subject",
            "Plain text with a link http://127.0.0.1:7071/api/approvals/x",
            "<p>HTML with <a href=\"http://127.0.0.1:7071/api/approvals/x\">a link</a></p>");

    private OutboxEmailSender Sender() =>
        new(Options.Create(new EmailOptions { OutboxPath = _directory }), NullLogger<OutboxEmailSender>.Instance);
}
