using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>
/// One "host" of the store: its own container, table client, counter and in-process caches, as a
/// Functions instance would have. Two hosts with one prefix share the tables and nothing else.
/// </summary>
internal sealed class StorageHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private StorageHost(ServiceProvider provider, string connectionString, string prefix)
    {
        _provider = provider;
        Prefix = prefix;
        Raw = new TableServiceClient(connectionString);
    }

    public string Prefix { get; }

    public ICaseStore Cases => _provider.GetRequiredService<ICaseStore>();

    public IDecisionLinkStore Links => _provider.GetRequiredService<IDecisionLinkStore>();

    public IOnceLedger Once => _provider.GetRequiredService<IOnceLedger>();

    public StorageRequestCounter Counter => _provider.GetRequiredService<StorageRequestCounter>();

    /// <summary>Any service of this host, internals included.</summary>
    public T Get<T>()
        where T : notnull => _provider.GetRequiredService<T>();

    /// <summary>A client outside the store (not counted), to look at what is stored.</summary>
    public TableServiceClient Raw { get; }

    /// <param name="services">Registrations made before the store's own, which then keep them (a decorator to interleave a step).</param>
    public static StorageHost Create(
        AzuriteFixture azurite, string? prefix = null, string? indexKey = null, TimeSpan? claimLease = null, Sexting.Core.Forces.ForceProfiles? forces = null,
        Action<IServiceCollection>? services = null)
    {
        prefix ??= AzuriteFixture.NewTablePrefix();
        var settings = new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = azurite.ConnectionString,
            ["Tables:TablePrefix"] = prefix,
        };
        if (claimLease is { } lease)
        {
            settings["Tables:ClaimLease"] = lease.ToString("c", System.Globalization.CultureInfo.InvariantCulture);
        }

        if (indexKey is not null)
        {
            settings["Tables:IndexKey"] = indexKey;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var collection = new ServiceCollection().AddLogging();
        if (forces is not null)
        {
            collection.AddSingleton(forces); // as the app registers its configured forces (contract §1)
        }

        services?.Invoke(collection);
        collection.AddTableStorage(configuration);
        return new StorageHost(collection.BuildServiceProvider(), azurite.ConnectionString, prefix);
    }

    /// <summary>Every entity of a table of this host, read raw.</summary>
    public async Task<List<TableEntity>> ReadAllAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Raw.GetTableClient(Prefix + table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>Every key and value of <paramref name="rows"/> as one text, to search for what must not be stored.</summary>
    public static string Flatten(IEnumerable<TableEntity> rows) =>
        string.Join("\n", rows.Select(r => r.PartitionKey + "|" + r.RowKey + "|" + string.Join("|", ((IDictionary<string, object>)r).Select(p => p.Key + "=" + p.Value))));

    /// <summary>Makes sure every table exists, so that counts that follow hold no creation.</summary>
    public async Task WarmUpAsync()
    {
        var id = ReferralIds.NewRandom();
        await Cases.GetAsync(id, default);
        await Cases.GetDueAsync(DueKind.Education, DateTimeOffset.MinValue, default);
        await Cases.FindEarlierAsync(Sexting.Core.Referrals.ForceArea.Dorset, ["warm"], id, DateTimeOffset.UtcNow, default);
        await Links.CloseAllAsync(id, LinkPurpose.Authorisation, DateTimeOffset.UtcNow, default);
        await Once.ReleaseAsync("warm-up", default);
        await foreach (var _ in Cases.ListReceivedAsync(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddTicks(1), default))
        {
        }
        await Cases.ListCasesAsync(new CaseListQuery([Sexting.Core.Referrals.ForceArea.Dorset], null, null, 1, null), default);

        Counter.Reset();
    }

    public async ValueTask DisposeAsync()
    {
        var mine = TableServiceClient.CreateQueryFilter($"TableName ge {Prefix} and TableName lt {Prefix + "~"}");
        await foreach (var table in Raw.QueryAsync(mine))
        {
            await Raw.DeleteTableAsync(table.Name);
        }

        await _provider.DisposeAsync();
    }
}
