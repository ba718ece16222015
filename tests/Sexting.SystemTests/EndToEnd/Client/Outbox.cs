using System.Diagnostics;

namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>
/// The outbox folder as a person would read it: one JSON file per message; files being written
/// (dot-prefixed temporary names) are ignored.
/// </summary>
public sealed class Outbox(string path, Func<string> hostLog)
{
    /// <summary>Every message in the folder now.</summary>
    public IReadOnlyList<OutboxMessage> All()
    {
        if (!Directory.Exists(path))
        {
            return [];
        }

        return Directory.EnumerateFiles(path, "*.json")
            .Where(f => !Path.GetFileName(f).StartsWith('.'))
            .Select(f => OutboxMessage.Parse(Path.GetFileName(f), File.ReadAllText(f)))
            .ToList();
    }

    /// <summary>The messages of one referral, optionally of one kind.</summary>
    public IReadOnlyList<OutboxMessage> For(string referralId, string? kind = null) =>
        All().Where(m => m.ReferralId == referralId && (kind is null || m.Kind == kind)).ToList();

    /// <summary>Waits (polling every 100 ms) until the referral has at least <paramref name="count"/> messages of <paramref name="kind"/>.</summary>
    public async Task<IReadOnlyList<OutboxMessage>> WaitForAsync(string referralId, string kind, int count = 1, TimeSpan? timeout = null)
    {
        var limit = timeout ?? Waits.Default;
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
                    $"Waited {limit} for {count} {kind} email(s) of referral {referralId}; the outbox holds [{seen}]. Host log:\n{hostLog()}");
            }

            await Task.Delay(Waits.PollInterval);
        }
    }

    /// <summary>Waits for exactly one message of a kind and returns it.</summary>
    public async Task<OutboxMessage> WaitForOneAsync(string referralId, string kind, TimeSpan? timeout = null) =>
        Assert.Single(await WaitForAsync(referralId, kind, 1, timeout));
}
