using Microsoft.DurableTask.Client;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Retention;
using Sexting.Functions.Tests.Reminders;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Retention;

/// <summary>Contract §12: which cases the retention run deletes, and in what order it does the work.</summary>
public sealed class RetentionServiceTests : IDisposable
{
    private static readonly TimeSpan ClosedAfter = TimeSpan.FromDays(2190);
    private static readonly TimeSpan UnconfirmedAfter = TimeSpan.FromDays(30);

    private readonly ReminderHarness _h = new(new() { ["Policy:NextReviewDate"] = "2099-01-01" });
    private readonly DurableTaskClient _client = Substitute.For<DurableTaskClient>("retention");

    public void Dispose() => _h.Dispose();

    private RetentionService Service => _h.Get<RetentionService>();

    private static DateTimeOffset Now => ReminderHarness.Start;

    [Fact]
    public async Task RunAsync_ClosedLongerThanClosedCaseAfter_DeletesCaseAndPurgesHistory()
    {
        var due = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromMinutes(1));
        var notYet = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter + TimeSpan.FromMinutes(1));
        Finished(due, notYet);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 1, 0, 0, 0), run);
        Assert.Null(await _h.Store.GetAsync(due, default));
        Assert.NotNull(await _h.Store.GetAsync(notYet, default));
        await _client.Received(1).PurgeInstanceAsync(due, Arg.Any<CancellationToken>());
        await _client.DidNotReceive().PurgeInstanceAsync(notYet, Arg.Any<CancellationToken>());
        Assert.Null(_h.Store.DueOf(due, DueKind.Closed));
        Assert.NotNull(_h.Store.DueOf(notYet, DueKind.Closed));
    }

    [Fact]
    public async Task RunAsync_UnconfirmedLongerThanUnconfirmedAfter_DeletedOnItsOwnPeriod()
    {
        // Unconfirmed 31 days ago: past its 30 days, though a closed case of that age is kept six years.
        var unconfirmed = await CaseEndedAsync(DueKind.Unconfirmed, Now - UnconfirmedAfter - TimeSpan.FromDays(1));
        var closed = await CaseEndedAsync(DueKind.Closed, Now - UnconfirmedAfter - TimeSpan.FromDays(1));
        Finished(unconfirmed, closed);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(1, run.Deleted);
        Assert.Null(await _h.Store.GetAsync(unconfirmed, default));
        Assert.NotNull(await _h.Store.GetAsync(closed, default));
    }

    [Fact]
    public async Task RunAsync_OrchestrationStillRunningWithinTheGrace_DeletesNothingAndKeepsTheEntry()
    {
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - RetentionService.RunningGrace + TimeSpan.FromMinutes(1));
        Running(id);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 0, 1, 0), run);
        Assert.NotNull(await _h.Store.GetAsync(id, default));
        Assert.NotNull(_h.Store.DueOf(id, DueKind.Closed));
        await _client.DidNotReceive().TerminateInstanceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        await _client.DidNotReceive().PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(DueKind.Closed)]
    [InlineData(DueKind.Unconfirmed)]
    public async Task RunAsync_OrchestrationStillRunningPastTheGrace_TerminatesPurgesAndDeletes(DueKind kind)
    {
        // An instance that missed the event which would have ended it (a close whose event was lost) never ends.
        var after = kind == DueKind.Closed ? ClosedAfter : UnconfirmedAfter;
        var id = await CaseEndedAsync(kind, Now - after - RetentionService.RunningGrace - TimeSpan.FromMinutes(1));
        Running(id);
        _client.WaitForInstanceCompletionAsync(id, false, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id) { RuntimeStatus = OrchestrationRuntimeStatus.Terminated });

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 1, 0, 0, 0) { Terminated = 1 }, run);
        Received.InOrder(() =>
        {
            _client.TerminateInstanceAsync(id, Arg.Any<CancellationToken>());
            _client.PurgeInstanceAsync(id, Arg.Any<CancellationToken>());
        });
        Assert.Null(await _h.Store.GetAsync(id, default));
        Assert.Null(_h.Store.DueOf(id, kind));
    }

    [Fact]
    public async Task RunAsync_OrchestrationRunningPastTheGraceOnACaseNotEnded_LeftRunningEntryDropped()
    {
        // Only a case the store shows Closed or Unconfirmed has an instance with nothing left to do; the entry of a
        // case still open was set ahead of a close that did not happen.
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(30));
        _h.Store.ForceStatus(id, CaseStatus.UnderInvestigation);
        Running(id);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 0, 0, 0) { NotEnded = 1 }, run);
        await _client.DidNotReceive().TerminateInstanceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        Assert.NotNull(await _h.Store.GetAsync(id, default));
        Assert.Null(_h.Store.DueOf(id, DueKind.Closed));
    }

    // Contract §12: only an ended case is deleted. A close's due entry is set before its move (InvestigationHttp),
    // so a close refused or failed leaves one for a case still under investigation, whose instance is not running
    // (here: none left, as after a purge by hand). It must not take the case with it when it falls due.
    [Theory]
    [InlineData(DueKind.Closed, CaseStatus.UnderInvestigation)]
    [InlineData(DueKind.Unconfirmed, CaseStatus.AwaitingAuthorisation)]
    public async Task RunAsync_DueEntryOfACaseStillOpenWithNoRunningInstance_CaseKeptEntryDropped(DueKind kind, CaseStatus status)
    {
        var id = await CaseEndedAsync(kind, Now - ClosedAfter - TimeSpan.FromDays(30));
        _h.Store.ForceStatus(id, status);
        Finished(id);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 0, 0, 0) { NotEnded = 1 }, run);
        Assert.Equal(status, (await _h.Store.GetAsync(id, default))!.Status);
        await _client.DidNotReceive().PurgeInstanceAsync(id, Arg.Any<CancellationToken>());
        Assert.Null(_h.Store.DueOf(id, kind));
    }

    [Fact]
    public async Task RunAsync_TerminatedInstanceNotEndedWithinTheWait_KeptForTheNextRun()
    {
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(30));
        Running(id);
        _client.WaitForInstanceCompletionAsync(id, false, Arg.Any<CancellationToken>()).Returns<Task<OrchestrationMetadata>>(call =>
        {
            _h.Clock.Advance(RetentionService.TerminationWait);
            call.ArgAt<CancellationToken>(2).ThrowIfCancellationRequested();
            throw new InvalidOperationException("The wait was not cancelled.");
        });

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 0, 1, 0) { Terminated = 1 }, run);
        await _client.DidNotReceive().PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
        Assert.NotNull(await _h.Store.GetAsync(id, default));
        Assert.NotNull(_h.Store.DueOf(id, DueKind.Closed));
    }

    [Fact]
    public async Task RunAsync_PurgeFails_CaseKeptForTheNextRunWhichFinishesIt()
    {
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(1));
        Finished(id);
        _client.PurgeInstanceAsync(id, Arg.Any<CancellationToken>()).Returns<Task<PurgeResult>>(_ => throw new InvalidOperationException("backend down"));

        var failed = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 0, 0, 1), failed);
        Assert.NotNull(await _h.Store.GetAsync(id, default));
        Assert.NotNull(_h.Store.DueOf(id, DueKind.Closed));

        _client.PurgeInstanceAsync(id, Arg.Any<CancellationToken>()).Returns(new PurgeResult(1));
        var next = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 1, 0, 0, 0), next);
        Assert.Null(await _h.Store.GetAsync(id, default));
    }

    [Fact]
    public async Task RunAsync_HistoryAlreadyPurgedAndCaseGone_FinishesByClearingTheEntry()
    {
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(1));
        await _h.Store.DeleteAsync(id, Now, default);
        await _h.Store.SetDueAsync(new DueEntry(id, DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(1)), default);

        var run = await Service.RunAsync(_client, default);

        Assert.Equal(new RetentionRun(1, 0, 1, 0, 0), run);
        Assert.Null(_h.Store.DueOf(id, DueKind.Closed));
        await _client.DidNotReceive().PurgeInstanceAsync(Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_DeletedCase_StillCountedInTheFiguresByItsTombstone()
    {
        var id = await CaseEndedAsync(DueKind.Closed, Now - ClosedAfter - TimeSpan.FromDays(1));
        Finished(id);

        await Service.RunAsync(_client, default);

        var figures = new List<Sexting.Core.Monitoring.CaseFigures>();
        await foreach (var f in _h.Store.ListReceivedAsync(DateTimeOffset.MinValue, DateTimeOffset.MaxValue, default))
        {
            figures.Add(f);
        }

        var tombstone = Assert.Single(figures);
        Assert.Equal(id, tombstone.ReferralId);
        Assert.Equal(Now, tombstone.DeletedAt);
    }

    private void Running(string id) =>
        _client.GetInstanceAsync(id, false, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

    private void Finished(params string[] ids)
    {
        foreach (var id in ids)
        {
            _client.GetInstanceAsync(id, false, Arg.Any<CancellationToken>())
                .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id) { RuntimeStatus = OrchestrationRuntimeStatus.Completed });
        }
    }

    private async Task<string> CaseEndedAsync(DueKind kind, DateTimeOffset endedAt)
    {
        var id = ReferralIds.NewRandom();
        await _h.Store.CreateAsync(id, Referrals.Parse(Referrals.Json(submissionId: null)), Referrals.Now, default);
        _h.Store.ForceStatus(id, kind == DueKind.Closed ? CaseStatus.Closed : CaseStatus.Unconfirmed);
        await _h.Store.SetDueAsync(new DueEntry(id, kind, endedAt), default);
        return id;
    }
}
