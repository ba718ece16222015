using Sexting.Core.Audit;
using Sexting.Core.Links;
using Xunit;

namespace Sexting.TestSupport.Contracts;

/// <summary>
/// What every <see cref="IAuditLog"/> does, run against each one: the in-memory fake the unit tests use
/// (Functions.Tests) and the Table Storage audit on Azurite (Infrastructure.Tests).
/// </summary>
public abstract class AuditLogContract : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly StaffIdentity Officer = new("user-1", "Chris Officer", "chris.officer@police.example");
    private static readonly StaffIdentity Manager = new("user-2", "Pat Manager", "pat.manager@police.example");

    private IAuditLog? _log;

    /// <summary>The audit under test: a new, empty one for each test.</summary>
    protected IAuditLog Log => _log ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>The factory: a new, empty audit log.</summary>
    protected abstract Task<IAuditLog> CreateLogAsync();

    /// <summary>
    /// The referral id of a new case that the log's side of the app holds: an audit is of a stored case
    /// (the Table audit seals who it was with the case's data key, contract §12).
    /// </summary>
    protected abstract Task<string> NewCaseAsync();

    /// <inheritdoc />
    public async Task InitializeAsync() => _log = await CreateLogAsync();

    /// <inheritdoc />
    public virtual Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ReadAsync_NothingAppended_Empty()
    {
        Assert.Empty(await Log.ReadAsync(ReferralIds.NewRandom(), default));
    }

    [Fact]
    public async Task AppendAsync_OutOfOrder_ReadOldestFirst()
    {
        var id = await NewCaseAsync();
        var second = new AuditEntry(T0.AddMinutes(5), Manager, AuditActions.ReadCase);
        var first = new AuditEntry(T0, Officer, AuditActions.ReadCase);
        var third = new AuditEntry(T0.AddHours(1), Officer, AuditActions.Exported);

        await Log.AppendAsync(id, second, default);
        await Log.AppendAsync(id, third, default);
        await Log.AppendAsync(id, first, default);

        Assert.Equal([first, second, third], await Log.ReadAsync(id, default));
    }

    [Fact]
    public async Task AppendAsync_SameEntryTwice_BothKept()
    {
        var id = await NewCaseAsync();
        var entry = new AuditEntry(T0, Officer, AuditActions.ReadCase);

        await Log.AppendAsync(id, entry, default);
        await Log.AppendAsync(id, entry, default);

        Assert.Equal([entry, entry], await Log.ReadAsync(id, default));
    }

    [Fact]
    public async Task AppendAsync_TwoCases_EachReadsOnlyItsOwn()
    {
        var a = await NewCaseAsync();
        var b = await NewCaseAsync();
        var ofA = new AuditEntry(T0, Officer, AuditActions.ReadCase);
        var ofB = new AuditEntry(T0.AddSeconds(1), Manager, AuditActions.ReadCase);

        await Log.AppendAsync(a, ofA, default);
        await Log.AppendAsync(b, ofB, default);

        Assert.Equal([ofA], await Log.ReadAsync(a, default));
        Assert.Equal([ofB], await Log.ReadAsync(b, default));
    }

    [Fact]
    public async Task AppendAsync_TenAtOnce_AllKept()
    {
        var id = await NewCaseAsync();
        var entries = Enumerable.Range(0, 10).Select(i => new AuditEntry(T0.AddSeconds(i), i % 2 == 0 ? Officer : Manager, AuditActions.ReadCase)).ToList();

        await Task.WhenAll(entries.Select(e => Task.Run(() => Log.AppendAsync(id, e, default))));

        Assert.Equal(entries, await Log.ReadAsync(id, default));
    }
}
