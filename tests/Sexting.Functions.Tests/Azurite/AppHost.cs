using System.Text;
using Azure.Data.Tables;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Functions;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;
using Sexting.TestSupport.Contracts;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// The app's services composed as the hosts compose them (workflow, Table Storage on Azurite with
/// its own table prefix, email in outbox mode in a temporary folder), with a <see cref="FakeTimeProvider"/>.
/// </summary>
internal sealed class AppHost : IAsyncDisposable
{
    /// <summary>The function key machines read with here (contract §3, §8).</summary>
    public const string FunctionKey = "integration-function-key-not-a-secret";

    private readonly ServiceProvider _provider;
    private readonly TableServiceClient _raw;

    private AppHost(ServiceProvider provider, TableServiceClient raw, string prefix, string outbox, FakeTimeProvider clock)
    {
        _provider = provider;
        _raw = raw;
        Prefix = prefix;
        Outbox = outbox;
        Clock = clock;
    }

    /// <summary>An assessment with no aggravating factor: Outcome 21 (Outcome 27 on Devon and Cornwall's system) proposed.</summary>
    public static Sexting.Core.Assessment.ReferralAssessment Outcome21 { get; } = new([], [], Sexting.Core.Assessment.Route.EducationAndIntervention, new Sexting.Core.Assessment.ProposedOutcome("Outcome 21", "Outcome 27"));

    public string Prefix { get; }

    public string Outbox { get; }

    public FakeTimeProvider Clock { get; }

    public ICaseStore Cases => Get<ICaseStore>();

    public StorageRequestCounter Counter => Get<StorageRequestCounter>();

    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    public T Create<T>() => ActivatorUtilities.CreateInstance<T>(_provider);

    public static AppHost Create(AzuriteFixture azurite, DateTimeOffset now, Dictionary<string, string?>? settings = null)
    {
        var prefix = AzuriteFixture.NewTablePrefix();
        var outbox = Directory.CreateTempSubdirectory("sexting-outbox-").FullName;
        var all = new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = azurite.ConnectionString,
            ["Tables:TablePrefix"] = prefix,
            ["Email:Mode"] = "Outbox",
            ["Email:OutboxPath"] = outbox,
            ["Policy:NextReviewDate"] = "2099-01-01",
            ["Api:FunctionKey"] = FunctionKey,
        };
        foreach (var (key, value) in settings ?? [])
        {
            all[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(all).Build();
        var clock = new FakeTimeProvider(now);
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSexting(configuration);
        services.AddSingleton<TimeProvider>(clock);
        return new AppHost(services.BuildServiceProvider(), new TableServiceClient(azurite.ConnectionString), prefix, outbox, clock);
    }

    /// <summary>Creates every table this host uses, so that counts that follow hold no creation.</summary>
    public async Task WarmUpAsync()
    {
        var id = ReferralIds.NewRandom();
        await Cases.GetAsync(id, default);
        await Cases.GetTimelineAsync(id, default);
        await Cases.GetDueAsync(DueKind.Education, DateTimeOffset.MinValue, default);
        await Get<IDecisionLinkStore>().CloseAllAsync(id, LinkPurpose.Authorisation, DateTimeOffset.UtcNow, default);
        await Get<IOnceLedger>().ReleaseAsync("warm-up", default);
        await foreach (var _ in Cases.ListReceivedAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddTicks(1), default))
        {
        }

        Counter.Reset();
    }

    /// <summary>The JSON files of the outbox (one per message).</summary>
    public IReadOnlyList<string> OutboxFiles(string kind) =>
        Directory.GetFiles(Outbox, kind + "-*.json").Order(StringComparer.Ordinal).ToList();

    /// <summary>
    /// Stores a case as the workflow leaves it: received at <paramref name="receivedAt"/>, then (by
    /// one update, as the activities would in several) in <paramref name="status"/> with the given facts.
    /// </summary>
    public async Task<CaseRecord> CaseAsync(
        DateTimeOffset receivedAt,
        CaseStatus status,
        ForceArea? forceArea = null,
        Sexting.Core.Assessment.ReferralAssessment? assessment = null,
        TimeSpan? authorisedAfter = null,
        DateTimeOffset? dueBy = null,
        TimeSpan? deliveredAfterAuthorisation = null)
    {
        var force = forceArea ?? ForceArea.DevonAndCornwall;
        var id = ReferralIds.NewRandom();
        var created = (await Cases.CreateAsync(id, ContractReferrals.Create(force), receivedAt, default)).Case;
        if (status == CaseStatus.Received && assessment is null)
        {
            return created;
        }

        var authorisedAt = authorisedAfter is { } a ? receivedAt + a : (DateTimeOffset?)null;
        var deliveredAt = authorisedAt is { } at && deliveredAfterAuthorisation is { } d ? at + d : (DateTimeOffset?)null;
        var updated = created with
        {
            Status = status,
            Assessment = assessment,
            Outcome = authorisedAt is { } when ? new OutcomeRecord("Outcome 21", "Outcome 27", "Pat Manager", when, "No aggravating factors") : null,
            Education = dueBy is { } due ? new EducationRecord(due, deliveredAt, deliveredAt is null ? null : "Chris Officer", null) : null,
        };
        return await Cases.UpdateAsync(updated, default);
    }

    /// <summary>
    /// Runs an HTTP function as a machine with the function key: <paramref name="prepare"/> sets up the GET
    /// request, <paramref name="run"/> calls the function; the status, content type and body it answered.
    /// </summary>
    public static async Task<(int Status, string? ContentType, string Body)> MachineGetAsync(
        Action<HttpRequest> prepare, Func<HttpRequest, Task<IActionResult>> run)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "GET";
        context.Request.Headers["x-functions-key"] = FunctionKey;
        prepare(context.Request);
        var body = new MemoryStream();
        context.Response.Body = body;
        var result = await run(context.Request);
        await result.ExecuteResultAsync(new ActionContext(context, new RouteData(), new ActionDescriptor()));
        return (context.Response.StatusCode, context.Response.ContentType, Encoding.UTF8.GetString(body.ToArray()));
    }

    public async ValueTask DisposeAsync()
    {
        var mine = TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}");
        await foreach (var table in _raw.QueryAsync(mine))
        {
            await _raw.DeleteTableAsync(table.Name);
        }

        await _provider.DisposeAsync();
        if (Directory.Exists(Outbox))
        {
            Directory.Delete(Outbox, recursive: true);
        }
    }
}
