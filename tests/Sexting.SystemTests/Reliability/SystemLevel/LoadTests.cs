using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport.Mail;
using Sexting.TestSupport.Processes;
using Xunit.Abstractions;

namespace Sexting.SystemTests.Reliability.SystemLevel;

/// <summary>
/// Issue 10, item 4: N referrals from 16 concurrent clients, then N authorisations, on the local host
/// with the outbox and an Azurite of its own. N is <c>SEXTING_LOAD_REFERRALS</c>; otherwise 1,000 when
/// <c>CI=true</c> (the issue's size, about 13 minutes here) and 100 for a quick run elsewhere.
/// Figures go to the test output and to artifacts/reliability/load.txt; progress, every 10 s, to
/// artifacts/reliability/load-progress.txt.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(SystemLevelCollection.Name)]
public sealed class LoadTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Clients = 16;

    /// <summary>Each phase's bound: 60 s plus this per referral (the slowest phase took 0.54 s per referral at 1,000).</summary>
    private const double SecondsPerReferral = 2.0;
    private static readonly string[] Kinds = ["IntakeAcknowledgement", "AuthorisationRequest", "YouthTeamNotification", "AdviceGuidance", "SettingOutcome"];

    private static readonly string Artifacts = Directory.CreateDirectory(Path.Combine(Sexting.TestSupport.RepositoryRoot.Path, "artifacts", "reliability")).FullName;

    private readonly AzuriteProcess _azurite = new();
    private readonly string _progress = Path.Combine(Artifacts, "load-progress.txt");
    private readonly string _outbox = Directory.CreateTempSubdirectory("sexting-outbox-").FullName;
    private LocalHostProcess _host = null!;

    public static int Referrals =>
        int.TryParse(Environment.GetEnvironmentVariable("SEXTING_LOAD_REFERRALS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n
        : string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase) ? 1000
        : 100;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _host = ReliabilityHost.Create(_azurite.ConnectionString, new Dictionary<string, string?>
        {
            ["Email:Mode"] = "Outbox",
            ["Email:OutboxPath"] = _outbox,

            // The host's own defaults, not the crash tests' short ones: under a burst a message may
            // wait in the host longer than 10 s, and a visibility timeout that short hands it out again.
            ["LocalHost:MaxQueuePollingInterval"] = null,
            ["LocalHost:WorkItemVisibilityTimeout"] = null,
            ["Tables:ClaimLease"] = null,
        });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task Workflow_ReferralsFrom16ClientsThenAuthorisations_AllCasesAndExactlyTheExpectedEmails()
    {
        var n = Referrals;
        var budget = TimeSpan.FromSeconds(60 + (n * SecondsPerReferral));
        using var http = _host.CreateClient();
        var outbox = new Outbox(_outbox);
        var submissions = Enumerable.Range(0, n).Select(_ => Guid.NewGuid()).ToArray();
        var receipts = new ConcurrentBag<(string Id, string Crime)>();
        var statuses = new ConcurrentBag<HttpStatusCode>();
        var total = Stopwatch.StartNew();
        File.WriteAllText(_progress, $"load run: {n} referrals from {Clients} clients; each phase bounded by {budget.TotalSeconds:0} s\n");

        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, n), new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (i, _) =>
        {
            var (status, id, crime, response) = await Workflow.SubmitAsync(http, Workflow.Referral(submissions[i], i));
            response.Dispose();
            statuses.Add(status);
            if (id is not null)
            {
                receipts.Add((id, crime!));
            }
        });
        var intake = watch.Elapsed;
        Progress(total, outbox, $"intake done: {statuses.Count(s => s == HttpStatusCode.Accepted)} of {n} answered 202");
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.Accepted, s));
        var ids = receipts.Select(r => r.Id).ToList();
        Assert.Equal(n, ids.Distinct().Count());
        Assert.Equal(n, receipts.Select(r => r.Crime).Distinct().Count());

        // The case moves to AwaitingAuthorisation before the request is sent (contract §4.4), so the
        // outbox tells when every orchestration is waiting; the read endpoint then confirms it once.
        // (Polling the read endpoint all along would compete with the workflow for the one emulator.)
        await WaitForEmailsAsync(total, outbox, ["IntakeAcknowledgement"], n, budget);
        var acknowledgements = outbox.All().Where(m => m.Kind == "IntakeAcknowledgement").ToDictionary(m => m.ReferralId!, m => m.Text);
        await Workflow.ConfirmReportersAsync(http, ids, id => acknowledgements.GetValueOrDefault(id), budget, Clients);
        Progress(total, outbox, "every reporter confirmed");
        await WaitForEmailsAsync(total, outbox, ["AuthorisationRequest"], n, budget);
        var awaiting = watch.Elapsed;
        await Workflow.WaitForStatusAsync(http, ids, "AwaitingAuthorisation", budget, Clients);
        var requests = outbox.All().Where(m => m.Kind == "AuthorisationRequest").ToDictionary(m => m.ReferralId!);

        watch.Restart();
        var decisions = new ConcurrentBag<HttpStatusCode>();
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = Clients }, async (id, _) =>
            decisions.Add(await Workflow.AuthoriseAsync(http, requests[id].LinkTo("approvals")!)));
        var authorising = watch.Elapsed;
        Progress(total, outbox, $"authorisations done: {decisions.Count(d => d == HttpStatusCode.OK)} of {n} answered 200");
        Assert.All(decisions, d => Assert.Equal(HttpStatusCode.OK, d));

        // Status EducationAndIntervention is recorded before the fan-out sends (contract §4.5).
        await WaitForEmailsAsync(total, outbox, Kinds, n, budget);
        var fanOut = watch.Elapsed;
        await Workflow.WaitForStatusAsync(http, ids, "EducationAndIntervention", budget, Clients);

        // A late duplicate (a retried send) would arrive after the last first copy: look again after a pause.
        await Task.Delay(TimeSpan.FromSeconds(5));
        var mails = outbox.All();
        Assert.Equal(n * Kinds.Length, mails.Count);
        foreach (var kind in Kinds)
        {
            Assert.Equal(ids.OrderBy(i => i, StringComparer.Ordinal), mails.Where(m => m.Kind == kind).Select(m => m.ReferralId!).OrderBy(i => i, StringComparer.Ordinal));
        }

        Assert.Equal("", Workflow.Leaks(_host.Log, Workflow.Forbidden(submissions)));
        var figures = string.Join('\n',
            $"referrals: {n}, clients: {Clients}",
            $"intake: {n} × 202 in {intake.TotalSeconds:0.0} s = {n / intake.TotalSeconds:0.0} referrals/s; distinct crime references: {n}",
            $"all AwaitingAuthorisation (authorisation requests sent) after {awaiting.TotalSeconds:0.0} s = {n / awaiting.TotalSeconds:0.0} orchestrations/s to the wait",
            $"authorisations: {n} × 200 in {authorising.TotalSeconds:0.0} s = {n / authorising.TotalSeconds:0.0}/s",
            $"all EducationAndIntervention with {mails.Count} emails ({Kinds.Length} per referral, each exactly once) after {fanOut.TotalSeconds:0.0} s = {n / fanOut.TotalSeconds:0.0} fan-outs/s",
            $"total {total.Elapsed.TotalSeconds:0.0} s; host log {_host.Log.Length} characters, no personal data or secret in it");
        output.WriteLine(figures);
        File.AppendAllText(_progress, "passed\n" + figures + "\n");
        await File.WriteAllTextAsync(Path.Combine(Artifacts, "load.txt"), figures + "\n");
    }

    /// <summary>Waits until the outbox holds <paramref name="count"/> messages of each kind, noting progress every 10 s.</summary>
    private async Task WaitForEmailsAsync(Stopwatch total, Outbox outbox, IReadOnlyList<string> kinds, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        var noted = Stopwatch.StartNew();
        while (true)
        {
            var counts = outbox.CountByKind();
            if (kinds.All(k => counts.GetValueOrDefault(k) >= count))
            {
                Progress(total, outbox, $"{string.Join(", ", kinds)}: {count} each");
                return;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException($"Not {count} each of {string.Join(", ", kinds)} within {timeout}: {Describe(counts)}");
            }

            if (noted.Elapsed >= TimeSpan.FromSeconds(10))
            {
                Progress(total, outbox, "waiting");
                noted.Restart();
            }

            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    /// <summary>One line in artifacts/reliability/load-progress.txt (<c>tail -f</c> it during a long run).</summary>
    private void Progress(Stopwatch total, Outbox outbox, string what) =>
        File.AppendAllText(_progress, $"{total.Elapsed.TotalSeconds,7:0.0} s  {what}; outbox: {Describe(outbox.CountByKind())}\n");

    private static string Describe(IReadOnlyDictionary<string, int> counts) =>
        counts.Count == 0 ? "empty" : string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}"));
}
