using System.Text.Json;
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
    /// <summary>
    /// The mailboxes the harness configures for DevonAndCornwall (<c>Forces:DevonAndCornwall:*</c>), the force of its
    /// example referrals: what the activities read when they send (contract §12: none is in the orchestration's input).
    /// </summary>
    public static readonly WorkflowContacts Contacts = new(
        "manager@police.example", "escalation@police.example", "expert@police.example", "youth@police.example", "investigation@police.example");

    // Unescaped, so that an address in a payload reads as one ("@", not "\u0040").
    private static readonly JsonSerializerOptions PlainJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly ServiceProvider _services;

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Instance, string Activity)> _calls;

    private readonly ILoggerFactory _loggers;

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Instance, string What, string Json)> _payloads;

    private WorkflowHarness(
        ServiceProvider services,
        DurableTaskTestHost host,
        System.Collections.Concurrent.ConcurrentQueue<(string Instance, string Activity)> calls,
        System.Collections.Concurrent.ConcurrentQueue<(string Instance, string What, string Json)> payloads,
        ILoggerFactory loggers,
        CapturedLogs logs)
    {
        _services = services;
        Host = host;
        _calls = calls;
        _payloads = payloads;
        _loggers = loggers;
        Logs = logs;
    }

    /// <summary>The warnings and errors the worker logged, the orchestration's replay-safe logger included.</summary>
    public CapturedLogs Logs { get; }

    /// <summary>The activities run for an instance, in the order they ran (issue 22 counts them).</summary>
    public IReadOnlyList<string> ActivitiesOf(string instanceId) => [.. _calls.Where(c => c.Instance == instanceId).Select(c => c.Activity)];

    /// <summary>
    /// Contract §12: what an instance put in the durable history, serialized with System.Text.Json: the
    /// orchestration's input, each activity's input and output, and the instance's stored input and output.
    /// </summary>
    public async Task<IReadOnlyList<(string What, string Json)>> DurablePayloadsOfAsync(string instanceId)
    {
        var found = _payloads.Where(p => p.Instance == instanceId).Select(p => (p.What, p.Json)).ToList();
        var stored = await Client.GetInstanceAsync(instanceId, getInputsAndOutputs: true);
        found.Add(("stored input", stored?.SerializedInput ?? ""));
        found.Add(("stored output", stored?.SerializedOutput ?? ""));
        found.Add(("stored custom status", stored?.SerializedCustomStatus ?? ""));
        return found;
    }

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
        // Contract §1: the case's force's mailboxes are configuration, read by the activities when they send.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Forces:DevonAndCornwall:AuthorisingManagerEmail"] = Contacts.AuthorisingManagerEmail,
            ["Forces:DevonAndCornwall:EscalationEmail"] = Contacts.EscalationEmail,
            ["Forces:DevonAndCornwall:SafeguardingExpertEmail"] = Contacts.SafeguardingExpertEmail,
            ["Forces:DevonAndCornwall:YouthTeamEmail"] = Contacts.YouthTeamEmail,
            ["Forces:DevonAndCornwall:InvestigationEmail"] = Contacts.InvestigationEmail,
        }).Build();
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
        var payloads = new System.Collections.Concurrent.ConcurrentQueue<(string Instance, string What, string Json)>();
        var logs = new CapturedLogs();
        var loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Warning).AddProvider(logs));

        void Register(DurableTaskRegistry r)
        {
            r.AddOrchestratorFunc<ReferralOrchestrationInput, ReferralOrchestrationResult>(nameof(ReferralOrchestration), (context, input) =>
            {
                payloads.Enqueue((context.InstanceId, nameof(ReferralOrchestration) + " input", JsonSerializer.Serialize(input, PlainJson)));
                return ReferralOrchestration.RunAsync(context, input);
            });
            Activity<AssessReferralInput, AssessReferralResult>(r, nameof(AssessReferralActivity), i => sp.GetRequiredService<AssessReferralActivity>().RunAsync(i));
            Activity<MoveCaseInput, CaseStatus>(r, nameof(MoveCaseActivity), i => sp.GetRequiredService<MoveCaseActivity>().RunAsync(i));
            Activity<SendEmailInput, EmailStepResult>(r, nameof(SendEmailActivity), i => sp.GetRequiredService<SendEmailActivity>().RunAsync(i));
            Activity<SendLinkEmailInput, EmailStepResult>(r, nameof(SendLinkEmailActivity), i => sp.GetRequiredService<SendLinkEmailActivity>().RunAsync(i));
            Activity<RecordAuthorisationInput, CaseStatus>(r, nameof(RecordAuthorisationActivity), i => sp.GetRequiredService<RecordAuthorisationActivity>().RunAsync(i));
            Activity<RecordEducationDeliveredInput, CaseStatus>(r, nameof(RecordEducationDeliveredActivity), i => sp.GetRequiredService<RecordEducationDeliveredActivity>().RunAsync(i));
            Activity<ReadLinkUseInput, RecordedUse?>(r, nameof(ReadLinkUseActivity), i => sp.GetRequiredService<ReadLinkUseActivity>().RunAsync(i));
            Activity<SettleConfirmationInput, bool>(r, nameof(SettleConfirmationActivity), i => sp.GetRequiredService<SettleConfirmationActivity>().RunAsync(i));
            Activity<RecordDecisionInput, ApprovalDecision?>(r, nameof(RecordDecisionActivity), i => sp.GetRequiredService<RecordDecisionActivity>().RunAsync(i));
            Activity<ReadCaseStateInput, CaseState>(r, nameof(ReadCaseStateActivity), i => sp.GetRequiredService<ReadCaseStateActivity>().RunAsync(i));
            Activity<AcknowledgeAndAssessInput, AssessReferralResult>(r, nameof(AcknowledgeAndAssessActivity), i => sp.GetRequiredService<AcknowledgeAndAssessActivity>().RunAsync(i));
            Activity<SendFanOutInput, EmailStepResult[]>(r, nameof(SendFanOutActivity), i => sp.GetRequiredService<SendFanOutActivity>().RunAsync(i));
        }

        // Each activity as the host runs it: counted, and its input and output kept as the durable history holds them.
        void Activity<TInput, TOutput>(DurableTaskRegistry r, string name, Func<TInput, Task<TOutput>> run) =>
            r.AddActivityFunc<TInput, TOutput>(name, async (c, i) =>
            {
                calls.Enqueue((c.InstanceId, name));
                payloads.Enqueue((c.InstanceId, name + " input", JsonSerializer.Serialize(i, PlainJson)));
                var output = await run(i);
                payloads.Enqueue((c.InstanceId, name + " output", JsonSerializer.Serialize(output, PlainJson)));
                return output;
            });

        // The test host's sidecar takes a random port of 30000-40000 unless given one, and that range
        // overlaps the ephemeral ports of the run's other connections: a free port, again if taken meanwhile.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var host = await DurableTaskTestHost.StartAsync(Register, new DurableTaskTestHostOptions { Port = Ports.GetFree(), LoggerFactory = loggers });
                return new WorkflowHarness(sp, host, calls, payloads, loggers, logs);
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
    /// <remarks>
    /// <paramref name="earlierContacts"/>: the input as a release before contract §12's fix wrote it, with the
    /// force's mailboxes in it (an instance in flight when the fix was deployed).
    /// </remarks>
    public async Task<string> StartCaseAsync(
        string json, TimeSpan? reminderAfter = null, TimeSpan? escalateAfter = null, int version = WorkflowVersions.Original,
        WorkflowContacts? earlierContacts = null, ActivityRetry? retry = null)
    {
        var referral = Referrals.Parse(json);
        var id = Sexting.Core.Links.ReferralIds.NewRandom();
        var confirmed = version >= WorkflowVersions.ReporterConfirmation ? new ReporterConfirmation(true, Referrals.Now) : null;
        await Store.CreateAsync(id, referral, Referrals.Now, confirmed, CancellationToken.None);
        var input = new ReferralOrchestrationInput(
            id,
            "http://127.0.0.1:7071",
            new WorkflowTimeouts(reminderAfter ?? TimeSpan.FromHours(1), escalateAfter ?? TimeSpan.FromHours(2), TimeSpan.FromDays(7), TimeSpan.FromDays(28)),
            3,
            retry ?? new ActivityRetry(5, TimeSpan.FromMilliseconds(200), 1.5))
        {
            Version = version,
            ConfirmWithin = TimeSpan.FromMilliseconds(300),
        };
        if (earlierContacts is not null)
        {
            var earlier = JsonSerializer.SerializeToNode(input)!.AsObject();
            earlier["Contacts"] = JsonSerializer.SerializeToNode(earlierContacts);
            await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestration), earlier, new StartOrchestrationOptions(id));
            return id;
        }

        await Client.ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestration), input, new StartOrchestrationOptions(id));
        return id;
    }

    /// <summary>
    /// A case of the workflow intake starts today (<see cref="WorkflowVersions.Current"/>), or of
    /// <paramref name="version"/> (from <see cref="WorkflowVersions.ReporterConfirmation"/> on): the
    /// reporter must confirm within <paramref name="confirmWithin"/> (contract §11).
    /// </summary>
    public async Task<string> StartConfirmingCaseAsync(
        string json, TimeSpan confirmWithin, bool trustedDomain = true, int version = WorkflowVersions.Current, ActivityRetry? retry = null)
    {
        var referral = Referrals.Parse(json);
        var id = Sexting.Core.Links.ReferralIds.NewRandom();
        await Store.CreateAsync(id, referral, Referrals.Now, new ReporterConfirmation(trustedDomain, null), CancellationToken.None);
        var input = new ReferralOrchestrationInput(
            id,
            "http://127.0.0.1:7071",
            new WorkflowTimeouts(TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromDays(7), TimeSpan.FromDays(28)),
            3,
            retry ?? new ActivityRetry(5, TimeSpan.FromMilliseconds(200), 1.5))
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
