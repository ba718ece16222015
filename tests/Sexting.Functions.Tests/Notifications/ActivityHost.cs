using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Notifications;
using Sexting.Functions.Tests.Fakes;
using Sexting.Infrastructure.Email;

namespace Sexting.Functions.Tests.Notifications;

/// <summary>
/// The activities as the hosts build them (<c>AddSextingWorkflow</c>), over in-memory fakes, with the given
/// configuration and, when given, clock.
/// </summary>
public sealed class ActivityHost : IDisposable
{
    private readonly ServiceProvider _services;

    public ActivityHost(Dictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? []).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSextingWorkflow(configuration);
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        services.AddSingleton<ICaseStore>(Store);
        services.AddSingleton<IDecisionLinkStore>(Links);
        services.AddSingleton<IAuditLog, InMemoryAuditLog>();
        services.AddSingleton<IEmailSender>(Sender);
        services.AddSingleton<IEmailComposer, TrivialEmailComposer>();
        services.AddSingleton<EmailIdempotencyKey>(); // the development key: no Tables:IndexKey set
        _services = services.BuildServiceProvider();
    }

    public InMemoryCaseStore Store { get; } = new();

    public InMemoryLinkStore Links { get; } = new();

    public RecordingEmailSender Sender { get; } = new();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A case of the example referral, of <paramref name="force"/> (a built-in force).</summary>
    public async Task<CaseRecord> CaseOfAsync(string force)
    {
        var json = Fakes.Referrals.Json(submissionId: null)
            .Replace("\"forceArea\": \"DevonAndCornwall\"", "\"forceArea\": \"" + force + "\"", StringComparison.Ordinal);
        return (await Store.CreateAsync(ReferralIds.NewRandom(), Fakes.Referrals.Parse(json), Fakes.Referrals.Now, default)).Case;
    }

    public async Task<string> DetailAsync(string referralId, TimelineEvent e) =>
        Assert.Single(await Store.GetTimelineAsync(referralId, default), t => t.Event == e).Detail;

    public void Dispose() => _services.Dispose();
}
