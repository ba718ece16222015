using System.Diagnostics;

namespace Sexting.TestSupport.Mail;

/// <summary>
/// The outbox folder (<c>Email:Mode=Outbox</c>) as a person would read it: one SendGrid v3 JSON
/// file per message. The sender publishes a message whole (a dot-prefixed temporary file, then a
/// link to its <c>.json</c> name), so temporary files are ignored and a file seen is complete:
/// each is parsed once (a load run reads thousands). Thread-safe.
/// </summary>
public sealed class Outbox(string path, Func<string>? hostLog = null)
{
    /// <summary>How long a wait lasts unless told: a workflow step on a busy two-core machine.</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(45);

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);

    private readonly Dictionary<string, OutboxMessage> _messages = new(StringComparer.Ordinal);

    /// <summary>The folder.</summary>
    public string Path { get; } = path;

    /// <summary>Every message in the folder now, in file-name order.</summary>
    public IReadOnlyList<OutboxMessage> All()
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        lock (_messages)
        {
            foreach (var file in Directory.EnumerateFiles(Path, "*.json"))
            {
                var name = System.IO.Path.GetFileName(file);
                if (!name.StartsWith('.') && !_messages.ContainsKey(name))
                {
                    _messages.Add(name, OutboxMessage.Parse(name, File.ReadAllText(file)));
                }
            }

            return _messages.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value).ToList();
        }
    }

    /// <summary>
    /// Every message of a referral, leaving out the product's own (the policy review reminder, contract §7, which
    /// the review timer sends at its hour whatever a test is doing).
    /// </summary>
    public IReadOnlyList<OutboxMessage> OfReferrals() => All().Where(m => m.ReferralId is not null).ToList();

    /// <summary>The messages of one referral, optionally of one kind.</summary>
    public IReadOnlyList<OutboxMessage> For(string referralId, string? kind = null) =>
        All().Where(m => m.ReferralId == referralId && (kind is null || m.Kind == kind)).ToList();

    /// <summary>How many messages of each kind the folder holds now.</summary>
    public IReadOnlyDictionary<string, int> CountByKind() =>
        All().GroupBy(m => m.Kind, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>Waits (polling every 100 ms) until the referral has at least <paramref name="count"/> messages of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> WaitForAsync(string referralId, string kind, int count = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? DefaultWait;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = For(referralId, kind);
            if (found.Count >= count)
            {
                return found;
            }

            if (clock.Elapsed > limit)
            {
                var seen = string.Join(", ", For(referralId).Select(m => m.Kind));
                throw new TimeoutException(
                    $"Waited {limit} for {count} {kind} email(s) of referral {referralId}; the outbox holds [{seen}] of it ({All().Count} in all).\nHost log:\n{hostLog?.Invoke()}");
            }

            await Task.Delay(PollInterval).ConfigureAwait(false);
        }
    }

    /// <summary>Waits for exactly one message of a kind and returns it.</summary>
    public async Task<OutboxMessage> WaitForOneAsync(string referralId, string kind, TimeSpan? timeout = null) =>
        Assert.Single(await WaitForAsync(referralId, kind, 1, timeout).ConfigureAwait(false));

    /// <summary>Waits for a message of a kind and returns the first.</summary>
    public async Task<OutboxMessage> WaitForFirstAsync(string referralId, string kind, TimeSpan? timeout = null) =>
        (await WaitForAsync(referralId, kind, 1, timeout).ConfigureAwait(false))[0];
}
