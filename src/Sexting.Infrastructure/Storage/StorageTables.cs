using System.Collections.Concurrent;
using Azure.Data.Tables;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Options;

namespace Sexting.Infrastructure.Storage;

/// <summary>
/// The tables of the case store (docs/storage.md). Each is created on first use, once per
/// process: later calls reuse the finished creation and cost no request. A failed creation is
/// forgotten so the next call tries again.
/// </summary>
internal sealed class StorageTables
{
    /// <summary>The most operations one entity-group transaction may hold (Table Storage's limit).</summary>
    public const int MostPerTransaction = 100;

    /// <summary>Cases, their timelines and their due pointers, one partition per referral.</summary>
    public const string Cases = "Cases";

    /// <summary>Crime reference counters, claims and the received index, one partition per force and year.</summary>
    public const string CrimeRegister = "CrimeRegister";

    /// <summary>Earlier-referral index, one partition per force and hashed person.</summary>
    public const string People = "People";

    /// <summary>Due index, one partition per kind.</summary>
    public const string Due = "Due";

    /// <summary>Decision links and decided markers, one partition per referral.</summary>
    public const string Links = "Links";

    /// <summary>Once-ledger claims, one partition per hashed key.</summary>
    public const string Once = "Once";

    /// <summary>Who read and did what with each case (contract §9, §10), one partition per referral.</summary>
    public const string Audit = "Audit";

    /// <summary>The case-list index (contract §10), one partition per force, newest first.</summary>
    public const string CaseList = "CaseList";

    private readonly TableServiceClient _service;
    private readonly string _prefix;
    private readonly ConcurrentDictionary<string, Lazy<Task<TableClient>>> _tables = new(StringComparer.Ordinal);

    public StorageTables(IAzureClientFactory<TableServiceClient> clients, IOptions<TableStorageOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        _service = clients.CreateClient(TableStorageOptions.ClientName);
        _prefix = options.Value.TablePrefix;
    }

    /// <summary>The full name of a table, prefix included.</summary>
    public string NameOf(string table) => _prefix + table;

    /// <summary>The client of <paramref name="table"/>, the table created if this process has not yet done so.</summary>
    public async Task<TableClient> GetAsync(string table, CancellationToken cancellationToken)
    {
        var lazy = _tables.GetOrAdd(table, name => new Lazy<Task<TableClient>>(() => CreateAsync(name)));
        try
        {
            return await lazy.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _tables.TryRemove(new KeyValuePair<string, Lazy<Task<TableClient>>>(table, lazy));
            throw;
        }
    }

    private async Task<TableClient> CreateAsync(string table)
    {
        var client = _service.GetTableClient(NameOf(table));
        // Not the caller's token: the creation is shared by every caller waiting on it.
        await client.CreateIfNotExistsAsync(CancellationToken.None).ConfigureAwait(false);
        return client;
    }
}
