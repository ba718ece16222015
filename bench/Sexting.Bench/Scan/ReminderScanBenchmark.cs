using System.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Bench.Intake;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Infrastructure.Storage;

namespace Sexting.Bench.Scan;

/// <summary>
/// What the review-reminder timer reads (contract §7): <see cref="ICaseStore.GetDueAsync"/>, then
/// each due case. Cases are added in tiers (1,000, 10,000, 100,000 stored). Every stored case has
/// its case row; 1 % of them are open (authorised, education not yet delivered) and so have a due
/// entry and pointer that fall due in the future: delivery removes a case's entry, so the index
/// follows the open cases, not all cases. The due set stays the same 10 real cases, made through
/// the store. Case rows are single-entity upserts (one partition each); due-index rows go in
/// 100-row entity-group transactions in the index's row format, which the bench checks once by
/// reading the whole index back through the store. Requests are counted by the store's own
/// <see cref="StorageRequestCounter"/>, straight to Azurite.
/// </summary>
internal sealed class ReminderScanBenchmark : IAsyncDisposable
{
    private const string Prefix = "Scan";
    private const int RowsPerTransaction = 100;

    private readonly ServiceProvider _services;
    private readonly ICaseStore _store;
    private readonly StorageRequestCounter _counter;
    private readonly TableClient _due;
    private readonly TableClient _cases;
    private readonly DateTimeOffset _now = DateTimeOffset.UtcNow;
    private int _stored;
    private int _open;

    public ReminderScanBenchmark(string connectionString)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Tables:ConnectionString"] = connectionString,
            ["Tables:TablePrefix"] = Prefix,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddSingleton<IConfiguration>(configuration).AddTableStorage(configuration).BuildServiceProvider();
        _store = _services.GetRequiredService<ICaseStore>();
        _counter = _services.GetRequiredService<StorageRequestCounter>();
        var tables = new TableServiceClient(connectionString);
        _due = tables.GetTableClient(Prefix + "Due");
        _cases = tables.GetTableClient(Prefix + "Cases");
    }

    public int DueCases { get; } = 10;

    /// <summary>The retention the scan applies to closed and unconfirmed cases (contract §12's default for closed ones).</summary>
    private static TimeSpan RetainFor => TimeSpan.FromDays(365);

    /// <summary>One stored case in this many is open and has a due entry.</summary>
    public int OpenOneIn { get; } = 100;

    public async Task<ScanResult> RunAsync(int storedCases, CancellationToken cancellationToken)
    {
        var seed = Stopwatch.StartNew();
        if (_stored == 0)
        {
            await SeedDueCasesAsync(cancellationToken).ConfigureAwait(false);
            _stored = DueCases;
        }

        await SeedNotDueAsync(storedCases - _stored, cancellationToken).ConfigureAwait(false);
        _stored = storedCases;
        var seedTime = seed.Elapsed;
        if (_open <= 1_000)
        {
            await CheckSeedFormatAsync(_open + DueCases, cancellationToken).ConfigureAwait(false);
        }

        _counter.Reset();
        var clock = Stopwatch.StartNew();
        var due = await _store.GetDueAsync(DueKind.Education, _now, cancellationToken).ConfigureAwait(false);
        var dueQuery = _counter.Total;
        foreach (var entry in due)
        {
            _ = await _store.GetAsync(entry.ReferralId, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A due case is missing.");
        }

        var elapsed = clock.Elapsed.TotalMilliseconds;
        if (due.Count != DueCases)
        {
            throw new InvalidOperationException($"The scan found {due.Count} due entries, not {DueCases}.");
        }

        var reads = _counter.Total - dueQuery;

        // The retention scan (RetentionService): what is due for deletion, closed and unconfirmed. The closed cases
        // waiting out their retention are in the index (one in OpenOneIn of the stored cases, as the open ones). Not
        // measured: the case list's one-off backfill, which reads every case once per store and then costs one
        // point read a run (its marker); the bench's seeded rows are not whole cases, so it cannot run here.
        _counter.Reset();
        clock.Restart();
        var expired = await _store.GetDueAsync(DueKind.Closed, _now - RetainFor, cancellationToken).ConfigureAwait(false);
        var unconfirmed = await _store.GetDueAsync(DueKind.Unconfirmed, _now - RetainFor, cancellationToken).ConfigureAwait(false);
        var retentionElapsed = clock.Elapsed.TotalMilliseconds;
        if (expired.Count + unconfirmed.Count != DueCases)
        {
            throw new InvalidOperationException($"The retention scan found {expired.Count + unconfirmed.Count} cases due for deletion, not {DueCases}.");
        }

        return new ScanResult(storedCases, _open + DueCases, due.Count, dueQuery, reads, elapsed, seedTime)
        {
            RetainedEntries = _open,
            RetentionDue = expired.Count + unconfirmed.Count,
            RetentionRequests = _counter.Total,
            RetentionMilliseconds = retentionElapsed,
        };
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    /// <summary>The due cases go through the store itself: a recorded crime and its due entry, overdue.</summary>
    private async Task SeedDueCasesAsync(CancellationToken cancellationToken)
    {
        var parser = new ReferralParser(TimeProvider.System);
        for (var i = 0; i < DueCases; i++)
        {
            using var content = ReferralFactory.Create();
            var referral = parser.Parse(await content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false)).Referral
                ?? throw new InvalidOperationException("The bench's referral does not parse.");
            var id = ReferralIds.NewRandom();
            await _store.CreateAsync(id, referral, _now.AddDays(-40), cancellationToken).ConfigureAwait(false);
            await _store.SetDueAsync(new DueEntry(id, DueKind.Education, _now.AddDays(-1 - i)), cancellationToken).ConfigureAwait(false);
            // Due for deletion too: closed, or (one in two) never confirmed, longer ago than the retention.
            await _store.SetDueAsync(new DueEntry(id, i % 2 == 0 ? DueKind.Closed : DueKind.Unconfirmed, _now - RetainFor - TimeSpan.FromDays(1 + i)), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task SeedNotDueAsync(int count, CancellationToken cancellationToken)
    {
        await _cases.CreateIfNotExistsAsync(cancellationToken).ConfigureAwait(false);
        var ids = Enumerable.Range(0, count).Select(_ => ReferralIds.NewRandom()).ToArray();
        var open = ids.Take(count / OpenOneIn).ToArray();
        _open += open.Length;
        var random = new Random(count);

        // Case rows: one partition per case, so one request each (no transaction spans partitions).
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken },
            async (id, ct) => await _cases.UpsertEntityAsync(new TableEntity(id, "case")
            {
                ["CrimeReference"] = "DC-2025-" + id[..6],
                ["Status"] = nameof(CaseStatus.Closed),
                ["ReceivedAt"] = _now.AddDays(-Random.Shared.Next(30, 3_000)),
                ["ForceArea"] = nameof(ForceArea.DevonAndCornwall),
            }, TableUpdateMode.Replace, ct).ConfigureAwait(false)).ConfigureAwait(false);

        // Due index of the open ones: an entry and its pointer per case, in the kind's partition, 100 rows a transaction.
        var batches = open.Chunk(RowsPerTransaction / 2).Select(chunk => chunk.SelectMany(id =>
        {
            var dueAt = _now.AddDays(1 + random.Next(0, 28)).AddSeconds(random.Next(0, 86_400));
            var row = "d|" + dueAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + id;
            return new[]
            {
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(nameof(DueKind.Education), row) { ["ReferralId"] = id, ["DueAt"] = dueAt }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(nameof(DueKind.Education), "p|" + id) { ["Row"] = row, ["DueAt"] = dueAt }),
            };
        }).ToList()).ToList();
        // Closed cases waiting out their retention: closed within the last year, so not yet due for deletion.
        batches.AddRange(open.Chunk(RowsPerTransaction / 2).Select(chunk => chunk.SelectMany(id =>
        {
            var closedAt = _now.AddDays(-random.Next(1, 360)).AddSeconds(-random.Next(0, 86_400));
            var row = "d|" + closedAt.UtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "|" + id;
            return new[]
            {
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(nameof(DueKind.Closed), row) { ["ReferralId"] = id, ["DueAt"] = closedAt }),
                new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(nameof(DueKind.Closed), "p|" + id) { ["Row"] = row, ["DueAt"] = closedAt }),
            };
        }).ToList()));
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (batch, ct) => await _due.SubmitTransactionAsync(batch, ct).ConfigureAwait(false)).ConfigureAwait(false);
    }

    /// <summary>Every seeded entry is due by a time far ahead: if the bench's rows were not in the store's format the count would differ.</summary>
    private async Task CheckSeedFormatAsync(int entries, CancellationToken cancellationToken)
    {
        var all = await _store.GetDueAsync(DueKind.Education, _now.AddYears(1), cancellationToken).ConfigureAwait(false);
        if (all.Count != entries)
        {
            throw new InvalidOperationException($"The due index holds {all.Count} entries readable by the store, not {entries}: the bench seeds rows in another format.");
        }
    }
}
