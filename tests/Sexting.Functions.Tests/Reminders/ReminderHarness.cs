using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Reminders;
using Sexting.Functions.Tests.Fakes;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Tests.Reminders;

/// <summary>
/// <see cref="ReviewReminderService"/> as the hosts build it, over in-memory fakes and a
/// <see cref="FakeTimeProvider"/>. Each <see cref="NewService"/> is another "host": its own service
/// instance over the shared store, ledger and mail service.
/// </summary>
public sealed class ReminderHarness : IDisposable
{
    // A Monday morning in winter (GMT), 07:00 UTC as the default schedule runs.
    public static readonly DateTimeOffset Start = new(2027, 1, 4, 7, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _services;

    public ReminderHarness(Dictionary<string, string?>? settings = null)
    {
        settings ??= new() { ["Policy:NextReviewDate"] = "2099-01-01" }; // education tests: no policy reminder
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSextingWorkflow(configuration);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ICaseStore>(Store);
        services.AddSingleton<IDecisionLinkStore>(Links);
        services.AddSingleton<IAuditLog, InMemoryAuditLog>();
        services.AddSingleton<IOnceLedger>(Ledger);
        services.AddSingleton<IEmailSender>(Sender);
        services.AddSingleton<IEmailComposer, TrivialEmailComposer>();
        services.AddSingleton<EmailIdempotencyKey>(); // the development key: no Tables:IndexKey set
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; } = new(Start);

    public InMemoryCaseStore Store { get; } = new();

    public InMemoryLinkStore Links { get; } = new();

    public InMemoryOnceLedger Ledger { get; } = new();

    public RecordingEmailSender Sender { get; } = new();

    public ReviewReminderService Service => _services.GetRequiredService<ReviewReminderService>();

    public ReviewReminderService NewService() => ActivatorUtilities.CreateInstance<ReviewReminderService>(_services);

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A case authorised for Outcome 21 (§3.4.3) with education due by <paramref name="dueBy"/>, in the case and the due index.</summary>
    public async Task<CaseRecord> AuthorisedCaseAsync(DateTimeOffset dueBy, string force = "DevonAndCornwall")
    {
        var id = ReferralIds.NewRandom();
        var json = Referrals.Json(submissionId: null).Replace("\"DevonAndCornwall\"", "\"" + force + "\"", StringComparison.Ordinal);
        await Store.CreateAsync(id, Referrals.Parse(json), Referrals.Now, default);
        Store.ForceStatus(id, CaseStatus.AwaitingAuthorisation);
        var awaiting = (await Store.GetAsync(id, default))!;
        var authorised = await Store.UpdateAsync(awaiting.MoveTo(CaseStatus.EducationAndIntervention) with
        {
            Outcome = new OutcomeRecord("Outcome 21", "Outcome 27", "Pat Manager", dueBy - TimeSpan.FromDays(28), "No aggravating factors"),
            Education = new EducationRecord(dueBy, null, null, null),
        }, default);
        await Store.SetDueAsync(new DueEntry(id, DueKind.Education, dueBy), default);
        return authorised;
    }

    public async Task<IReadOnlyList<TimelineEntry>> TimelineOfAsync(string id, TimelineEvent e) =>
        (await Store.GetTimelineAsync(id, default)).Where(t => t.Event == e).ToList();

    public IReadOnlyList<EmailMessage> AttemptsOf(EmailKind kind) => Sender.Attempts.Where(m => m.Kind == kind).ToList();

    public void Dispose() => _services.Dispose();
}
