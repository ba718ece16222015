using Sexting.Core.Notifications;
using Sexting.Functions.Reminders;

namespace Sexting.Functions.Tests.Reminders;

/// <summary>§5.1: the policy's own review date, reminded to its owner (§5.3) once per UK day from that date.</summary>
public sealed class PolicyReviewReminderTests
{
    private static ReminderHarness Harness(string nextReviewDate) =>
        new(new() { ["Policy:NextReviewDate"] = nextReviewDate, ["Policy:OwnerEmail"] = "owner@prevention.example" });

    [Fact]
    public async Task RunAsync_BeforeReviewDate_SendsNothing()
    {
        using var h = Harness("2027-01-05");

        var run = await h.Service.RunAsync(default);

        Assert.Equal(PolicyReminderOutcome.NotDue, run.PolicyReminder);
        Assert.Empty(h.Sender.Attempts);
    }

    [Fact]
    public async Task RunAsync_ReviewDateReached_RemindsOwnerWithoutReferral()
    {
        using var h = Harness("2027-01-04");

        var run = await h.Service.RunAsync(default);

        Assert.Equal(PolicyReminderOutcome.Sent, run.PolicyReminder);
        var message = Assert.Single(h.Sender.DeliveredOf(EmailKind.PolicyReviewReminder));
        Assert.Equal("owner@prevention.example", message.To);
        Assert.Null(message.ReferralId);
        Assert.StartsWith("policy:PolicyReviewReminder:2027-01-04:", message.IdempotencyKey, StringComparison.Ordinal);
        Assert.DoesNotContain("owner@", message.IdempotencyKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DefaultReviewDateLongPast_RemindsOncePerUkDay()
    {
        using var h = new ReminderHarness([]); // Policy:NextReviewDate defaults to 2020-03-13

        await h.Service.RunAsync(default);
        h.Clock.Advance(TimeSpan.FromHours(3));
        var again = await h.Service.RunAsync(default);
        h.Clock.Advance(TimeSpan.FromDays(1));
        await h.Service.RunAsync(default);

        Assert.Equal(PolicyReminderOutcome.AlreadySentToday, again.PolicyReminder);
        var sent = h.AttemptsOf(EmailKind.PolicyReviewReminder);
        Assert.Equal(2, sent.Count);
        Assert.Equal("prevention@alliance.police.example", sent[0].To);
    }

    [Fact]
    public async Task RunAsync_TwoHostsAtOnce_OwnerRemindedOnce()
    {
        using var h = Harness("2027-01-01");

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.NewService().RunAsync(default))));

        Assert.Single(h.AttemptsOf(EmailKind.PolicyReviewReminder));
        Assert.Single(runs, r => r.PolicyReminder == PolicyReminderOutcome.Sent);
    }

    [Fact]
    public async Task RunAsync_TransientFailure_ReleasesClaimAndNextRunSends()
    {
        using var h = Harness("2027-01-01");
        h.Sender.FailTransiently(EmailKind.PolicyReviewReminder, 1);

        var failed = await h.Service.RunAsync(default);
        var retried = await h.Service.RunAsync(default);

        Assert.Equal(PolicyReminderOutcome.Failed, failed.PolicyReminder);
        Assert.Equal(PolicyReminderOutcome.Sent, retried.PolicyReminder);
        Assert.Single(h.Sender.DeliveredOf(EmailKind.PolicyReviewReminder));
        Assert.Equal(1, h.Ledger.Releases);
    }
}
