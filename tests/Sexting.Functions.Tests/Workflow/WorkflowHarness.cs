using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Assessment;
using Sexting.Functions.Authorisation;
using Sexting.Functions.Cases;
using Sexting.Functions.Common;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Education;
using Sexting.Functions.Links;
using Sexting.Functions.Notifications;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;
using Sexting.Infrastructure.Email;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Workflow;

/// <summary>
/// The referral orchestration and its real activities in <see cref="DurableTaskTestHost"/> (real
/// replay), over in-memory fakes of the ports. Timers are real time: tests pass short timeouts.
/// </summary>
public sealed class WorkflowHarness : IAsyncDisposable
{
    public static readonly WorkflowContacts Contacts = new(
        "manager@police.example", "escalation@police.example", "expert@police.example", "youth@police.example", "investigation@police.example");

    private readonly ServiceProvider _services;

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Instance, string Activity)> _calls;

    private readonly ILoggerFactory _loggers;

    private WorkflowHarness(
        ServiceProvider services, DurableTaskTestHost host, System.Collections.Concurrent.ConcurrentQueue<(string Instance, string Activity)> calls,
        ILoggerFactory loggers, CapturedLogs logs)
    {
        _services = services;
        Host = host;
        _calls = calls;
        _loggers = loggers;
        Logs = logs;
    }

    /// <summary>The warnings and errors the worker logged, the orchestration's replay-safe logger included.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The activities run for an instance, in the order they ran (issue 22 counts them).</summary>
    public IReadOnlyList<string> ActivitiesOf(string instanceId) => [.. _calls.Where(c => c.Instance == instanceId).Select(c => c.Activity)];

    public InMemoryCaseStore Store => _services.GetRequiredService<InMemoryCaseStore>();

    public InMemoryLinkStore Links => _services.GetRequiredService<InMemoryLinkStore>();

    public RecordingEmailSender Sender => _services.GetRequiredService<RecordingEmailSender>();

    public IServiceProvider Services => _services;

    public DurableTaskTestHost Host { get; }

    public DurableTaskClient Client => Host.Client;

    public static async Task<WorkflowHarness> StartAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSextingWorkflow(configuration);
        services.AddSingleton<InMemoryCaseStore>();
        services.AddSingleton<ICaseStore>(sp => sp.GetRequiredService<InMemoryCaseStore>());
        services.AddSingleton<InMemoryLinkStore>();
        services.AddSingleton<IDecisionLinkStore>(sp => sp.GetRequiredService<InMemoryLinkStore>());
        services.AddSingleton<IAuditLog, InMemoryAuditLog>();
        services.AddSingleton<RecordingEmailSender>();
        services.AddSingleton<IEmailSender>(sp => sp.GetRequiredService<RecordingEmailSender>());
        services.AddSingleton<IEmailComposer, TrivialEmailComposer>();
        services.AddSingleton<EmailIdempotencyKey>(); // the development key: no Tables:IndexKey set
        var sp = services.BuildServiceProvider();
        var calls = new System.Collections.Concurrent.ConcurrentQueue<(string Instance, string Activity)>();
        var logs = new CapturedLogs();
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(logs));

        void Register(DurableTaskRegistry r)
        {
            r.AddOrchestratorFunc<ReferralOrchestrationInput, ReferralOrchestrationResult>(nameof(ReferralOrchestration), (context, input) => ReferralOrchestration.RunAsync(context, input));
            r.AddActivityFunc<AssessReferralInput, AssessReferralResult>(nameof(AssessReferralActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(AssessReferralActivity))); return sp.GetRequiredService<AssessReferralActivity>().RunAsync(i); });
            r.AddActivityFunc<MoveCaseInput, CaseStatus>(nameof(MoveCaseActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(MoveCaseActivity))); return sp.GetRequiredService<MoveCaseActivity>().RunAsync(i); });
            r.AddActivityFunc<SendEmailInput, EmailStepResult>(nameof(SendEmailActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(SendEmailActivity))); return sp.GetRequiredService<SendEmailActivity>().RunAsync(i); });
            r.AddActivityFunc<SendLinkEmailInput, EmailStepResult>(nameof(SendLinkEmailActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(SendLinkEmailActivity))); return sp.GetRequiredService<SendLinkEmailActivity>().RunAsync(i); });
            r.AddActivityFunc<RecordAuthorisationInput, CaseStatus>(nameof(RecordAuthorisationActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(RecordAuthorisationActivity))); return sp.GetRequiredService<RecordAuthorisationActivity>().RunAsync(i); });
            r.AddActivityFunc<RecordEducationDeliveredInput, CaseStatus>(nameof(RecordEducationDeliveredActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(RecordEducationDeliveredActivity))); return sp.GetRequiredService<RecordEducationDeliveredActivity>().RunAsync(i); });
            r.AddActivityFunc<ReadLinkUseInput, RecordedUse?>(nameof(ReadLinkUseActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(ReadLinkUseActivity))); return sp.GetRequiredService<ReadLinkUseActivity>().RunAsync(i); });
            r.AddActivityFunc<SettleConfirmationInput, bool>(nameof(SettleConfirmationActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(SettleConfirmationActivity))); return sp.GetRequiredService<SettleConfirmationActivity>().RunAsync(i); });
            r.AddActivityFunc<RecordDecisionInput, ApprovalDecision?>(nameof(RecordDecisionActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(RecordDecisionActivity))); return sp.GetRequiredService<RecordDecisionActivity>().RunAsync(i); });
            r.AddActivityFunc<ReadCaseStateInput, CaseState>(nameof(ReadCaseStateActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(ReadCaseStateActivity))); return sp.GetRequiredService<ReadCaseStateActivity>().RunAsync(i); });
            r.AddActivityFunc<AcknowledgeAndAssessInput, AssessReferralResult>(nameof(AcknowledgeAndAssessActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(AcknowledgeAndAssessActivity))); return sp.GetRequiredService<AcknowledgeAndAssessActivity>().RunAsync(i); });
            r.AddActivityFunc<SendFanOutInput, EmailStepResult[]>(nameof(SendFanOutActivity), (c, i) => { calls.Enqueue((c.InstanceId, nameof(SendFanOutActivity))); return sp.GetRequiredService<SendFanOutActivity>().RunAsync(i); });
        }

        // The test host's sidecar takes a random port of 30000-40000 unless given one, and that range
        // overlaps the ephemeral ports of the run's other connections: a free port, again if taken meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var host = await DurableTaskTestHost.StartAsync(Register, new DurableTaskTestHostOptions { Port = Ports.GetFree(), LoggerFactory = loggers });
                return new WorkflowHarness(sp, host, calls, loggers, logs);
            }
            catch (IOException ex) when (ex.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException && attempt < 5)
            {
            }
        }
    }

    /// <summary>
    /// Creates a case from the example JSON and starts its orchestration with the given waits, in the
    /// v1 shape or in <paramref name="version"/>; from v2 on the reporter has confirmed already, so the
    /// workflow goes on when its short confirmation wait ends.
    /// </summary>
    public async Task<string> StartCaseAsync(
        string json, TimeSpan? reminderAfter = null, TimeSpan? escalateAfter = null, int version = WorkflowVersions.Original, ActivityRetry? retry = null)
    {
        var referral = Referrals.Parse(json);
        var id = Sexting.Core.Links.ReferralIds.NewRandom();
        var confirmed = version >= WorkflowVersions.ReporterConfirmation ? new ReporterConfirmation(true, Referrals.Now) : null;
        await Store.CreateAsync(id, referral, Referrals.Now, confirmed, CancellationToken.None);
        var input = new ReferralOrchestrationInput(
            id,
            "http://127.0.0.1:7071",
            Contacts,
            new WorkflowTimeouts(reminderAfter ?? TimeSpan.FromHours(1), escalateAfter ?? TimeSpan.FromHours(2), TimeSpan.FromDays(7), TimeSpan.FromDays(28)),
            3,
            retry ?? new ActivityRetry(5, TimeSpan.FromMilliseconds(200), 1.5))
        {
            Version = version,
            ConfirmWithin = TimeSpan.FromMilliseconds(300),
        };
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestration), input, new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>
    /// A case of the workflow intake starts today (<see cref="WorkflowVersions.Current"/>), or of
    /// <paramref name="version"/> (from <see cref="WorkflowVersions.ReporterConfirmation"/> on): the
    /// reporter must confirm within <paramref name="confirmWithin"/> (contract §11).
    /// </summary>
    public async Task<string> StartConfirmingCaseAsync(string json, TimeSpan confirmWithin, bool trustedDomain = true, int version = WorkflowVersions.Current)
    {
        var referral = Referrals.Parse(json);
        var id = Sexting.Core.Links.ReferralIds.NewRandom();
        await Store.CreateAsync(id, referral, Referrals.Now, new ReporterConfirmation(trustedDomain, null), CancellationToken.None);
        var input = new ReferralOrchestrationInput(
            id,
            "http://127.0.0.1:7071",
            Contacts,
            new WorkflowTimeouts(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromDays(7), TimeSpan.FromDays(28)),
            3,
            new ActivityRetry(5, TimeSpan.FromMilliseconds(200), 1.5))
        {
            Version = version,
            ConfirmWithin = confirmWithin,
        };
        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestration), input, new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>Confirms as the reporter would, with the token from the acknowledgement's link.</summary>
    public async Task<LinkOutcome> ConfirmAsync(string id)
    {
        await UntilAsync(() => Task.FromResult(Sender.DeliveredOf(EmailKind.IntakeAcknowledgement).Any(m => m.ReferralId == id)), "acknowledgement");
        var text = Sender.DeliveredOf(EmailKind.IntakeAcknowledgement).First(m => m.ReferralId == id).TextBody;
        var marker = "/api/confirmations/";
        var start = text.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        var token = Uri.UnescapeDataString(text[start..].Split('\n')[0].Trim());
        var result = await Services.GetRequiredService<LinkFlow>().UseAsync(
            Services.GetRequiredService<ReporterConfirmationAction>(), token, NoForm.Instance, null, Client, CancellationToken.None);
        return result.Outcome;
    }

    public async Task<ReferralOrchestrationResult> CompletionAsync(string id)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var state = await Client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, cts.Token);
        Assert.True(state.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"Orchestration {state.RuntimeStatus}: {state.FailureDetails?.ErrorMessage}");
        return state.ReadOutputAs<ReferralOrchestrationResult>()!;
    }

    public async Task UntilAsync(Func<Task<bool>> condition, string what, double seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                var states = new List<string>();
                await foreach (var instance in Client.GetAllInstancesAsync(new OrchestrationQuery { FetchInputsAndOutputs = true }))
                {
                    states.Add($"{instance.InstanceId}: {instance.RuntimeStatus} {instance.FailureDetails?.ErrorType} {instance.FailureDetails?.ErrorMessage}");
                }

                throw new TimeoutException("Timed out waiting for " + what + ". Instances: " + string.Join("; ", states));
            }

            await Task.Delay(50);
        }
    }

    public Task UntilTimelineAsync(string id, TimelineEvent e) =>
        UntilAsync(async () => (await Store.GetTimelineAsync(id, CancellationToken.None)).Any(t => t.Event == e), e.ToString());

    public async Task<List<TimelineEvent>> EventsAsync(string id) =>
        (await Store.GetTimelineAsync(id, CancellationToken.None)).Select(t => t.Event).ToList();

    public async Task<CaseRecord> CaseAsync(string id) => (await Store.GetAsync(id, CancellationToken.None))!;

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await _services.DisposeAsync();
        _loggers.Dispose();
    }
}
