using System.Text.Json;
using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Functions.Reminders;
using Sexting.TestSupport;
using Xunit.Abstractions;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// Contract §7 on the real store (Azurite): the review scan reads only what is due, so its storage
/// transactions do not grow with the number of closed or not-yet-due cases; and its reminders go
/// once per case per day, even from two hosts at once.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class ReviewReminderScanTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateTimeOffset Now = new(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);

    private static readonly ReferralAssessment Outcome21 = new([], [], Route.EducationAndIntervention, new ProposedOutcome("Outcome 21", "Outcome 27"));

    [Fact]
    public async Task RunAsync_TwoThousandNotDueOrClosedAndFiveDue_SameStorageTransactionsAsFiveAlone()
    {
        await using var alone = AppHost.Create(azurite, Now);
        await using var crowded = AppHost.Create(azurite, Now);
        await alone.WarmUpAsync();
        await crowded.WarmUpAsync();
        await SeedDueAsync(alone, 5);
        await SeedDueAsync(crowded, 5);
        await SeedCrowdAsync(crowded, notDue: 1000, closed: 1000);
        alone.Counter.Reset();
        crowded.Counter.Reset();

        var aloneRun = await alone.Get<ReviewReminderService>().RunAsync(default);
        var aloneCounts = alone.Counter.Snapshot();
        var crowdedRun = await crowded.Get<ReviewReminderService>().RunAsync(default);
        var crowdedCounts = crowded.Counter.Snapshot();

        output.WriteLine("Transactions with 5 due alone: {0} {1}", alone.Counter.Total, JsonSerializer.Serialize(aloneCounts));
        output.WriteLine("Transactions with 5 due among 2,000: {0} {1}", crowded.Counter.Total, JsonSerializer.Serialize(crowdedCounts));
        Assert.Equal(5, aloneRun.EducationRemindersSent);
        Assert.Equal(5, crowdedRun.EducationRemindersSent);
        Assert.Equal(5, crowdedRun.DueEntries);
        Assert.Equal(5, crowded.OutboxFiles("EducationReminder").Count);
        Assert.Equal(aloneCounts.OrderBy(c => c.Key), crowdedCounts.OrderBy(c => c.Key));
        Assert.Equal(1, crowded.Counter.Of("GetDueAsync"));
        Assert.Equal(0, crowded.Counter.Of("ListReceivedAsync"));

        // 1 range query, then per due case: read, the link store's decision (a delivery the link's POST could not
        // record, issue 22's workflow v6), claim, (link email) read, save link, the timeline entry with the email
        // sent (issue 20: the case page's "emails sent"; issue 22: one transaction), complete the claim.
        Assert.Equal(1 + (5 * 7), crowded.Counter.Total);
    }

    [Fact]
    public async Task RunAsync_TwoHostsAtOnceOnOneStore_OneOutboxFileAndOneTimelineEntryPerCase()
    {
        await using var first = AppHost.Create(azurite, Now);
        var prefix = first.Prefix;
        await using var second = AppHost.Create(azurite, Now, new()
        {
            ["Tables:TablePrefix"] = prefix,
            ["Email:OutboxPath"] = first.Outbox,
        });
        var due = await SeedDueAsync(first, 10);

        var runs = await Task.WhenAll(
            Task.Run(() => first.Get<ReviewReminderService>().RunAsync(default)),
            Task.Run(() => second.Get<ReviewReminderService>().RunAsync(default)));

        Assert.Equal(10, runs.Sum(r => r.EducationRemindersSent));
        Assert.Equal(10, runs.Sum(r => r.AlreadyRemindedToday));
        Assert.Equal(10, first.OutboxFiles("EducationReminder").Count);
        foreach (var @case in due)
        {
            var timeline = await first.Cases.GetTimelineAsync(@case.ReferralId, default);
            Assert.Single(timeline, t => t.Event == TimelineEvent.EducationReminderSent);
        }
    }

    [Fact]
    public async Task RunAsync_PolicyReviewDateReached_OneOutboxFileToOwnerWithoutReferral()
    {
        await using var host = AppHost.Create(azurite, Now, new() { ["Policy:NextReviewDate"] = "2020-03-13" });

        var run = await host.Get<ReviewReminderService>().RunAsync(default);
        await host.Get<ReviewReminderService>().RunAsync(default);

        Assert.Equal(PolicyReminderOutcome.Sent, run.PolicyReminder);
        var file = Assert.Single(host.OutboxFiles("PolicyReviewReminder"));
        using var payload = JsonDocument.Parse(await File.ReadAllTextAsync(file));
        Assert.Equal("prevention@alliance.police.example", payload.RootElement.GetProperty("personalizations")[0].GetProperty("to")[0].GetProperty("email").GetString());
        var args = payload.RootElement.GetProperty("custom_args");
        Assert.Equal("PolicyReviewReminder", args.GetProperty("kind").GetString());
        Assert.False(args.TryGetProperty("referralId", out _));
    }

    private static async Task<List<CaseRecord>> SeedDueAsync(AppHost host, int count)
    {
        var cases = new List<CaseRecord>();
        for (var i = 0; i < count; i++)
        {
            var dueBy = Now - TimeSpan.FromDays(i + 1);
            var @case = await host.CaseAsync(dueBy - TimeSpan.FromDays(30), CaseStatus.EducationAndIntervention, ForceArea.DevonAndCornwall, Outcome21, TimeSpan.FromDays(2), dueBy);
            await host.Cases.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, dueBy), default);
            cases.Add(@case);
        }

        return cases;
    }

    // Not yet due: in education with a due date ahead. Closed: due date passed, delivered, and out of the index as delivery leaves it.
    private static async Task SeedCrowdAsync(AppHost host, int notDue, int closed)
    {
        await Parallel.ForEachAsync(Enumerable.Range(0, notDue + closed), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, ct) =>
        {
            var force = i % 2 == 0 ? ForceArea.DevonAndCornwall : ForceArea.Dorset;
            if (i < notDue)
            {
                var dueBy = Now + TimeSpan.FromMinutes(i + 1);
                var @case = await host.CaseAsync(Now - TimeSpan.FromDays(10), CaseStatus.EducationAndIntervention, force, Outcome21, TimeSpan.FromDays(1), dueBy);
                await host.Cases.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, dueBy), ct);
            }
            else
            {
                var dueBy = Now - TimeSpan.FromDays(1 + (i % 300));
                var @case = await host.CaseAsync(dueBy - TimeSpan.FromDays(30), CaseStatus.EducationAndIntervention, force, Outcome21, TimeSpan.FromDays(2), dueBy);
                await host.Cases.SetDueAsync(new DueEntry(@case.ReferralId, DueKind.Education, dueBy), ct);
                await host.Cases.UpdateAsync(@case with
                {
                    Status = CaseStatus.Closed,
                    Education = @case.Education! with { DeliveredAt = dueBy - TimeSpan.FromDays(1), DeliveredBy = "Chris Officer" },
                }, ct);
                await host.Cases.RemoveDueAsync(@case.ReferralId, DueKind.Education, ct);
            }
        });
        Assert.Equal(notDue + closed + 5, await CountCasesAsync(host));
    }

    private static async Task<int> CountCasesAsync(AppHost host)
    {
        var count = 0;
        await foreach (var _ in host.Cases.ListReceivedAsync(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), Now, default))
        {
            count++;
        }

        return count;
    }
}
