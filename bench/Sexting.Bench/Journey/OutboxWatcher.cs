using System.Text.Json;

namespace Sexting.Bench.Journey;

/// <summary>
/// Watches an outbox folder (contract §6: one JSON file per message, published by rename) by
/// polling it every few milliseconds, and records when each message first appeared.
/// </summary>
internal sealed class OutboxWatcher : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);

    private readonly string _path;
    private readonly Dictionary<string, OutboxEmail> _seen = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public OutboxWatcher(string path)
    {
        _path = path;
        _loop = Task.Run(PollAsync);
    }

    /// <summary>Waits until every kind in <paramref name="kinds"/> has a message for the referral; returns them.</summary>
    public async Task<IReadOnlyList<OutboxEmail>> WaitForAsync(string referralId, IReadOnlyCollection<string> kinds, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            List<OutboxEmail> found;
            lock (_seen)
            {
                found = _seen.Values.Where(e => e.ReferralId == referralId && kinds.Contains(e.Kind)).ToList();
            }

            if (kinds.All(k => found.Any(e => e.Kind == k)))
            {
                return found;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Within {timeout} the outbox got {string.Join(", ", found.Select(e => e.Kind))} for the referral, not all of {string.Join(", ", kinds)}.");
            }

            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task PollAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            foreach (var file in Directory.EnumerateFiles(_path, "*.json"))
            {
                var name = Path.GetFileName(file);
                lock (_seen)
                {
                    if (_seen.ContainsKey(name))
                    {
                        continue;
                    }
                }

                var seenAt = DateTime.UtcNow;
                var json = await File.ReadAllTextAsync(file).ConfigureAwait(false);
                using var document = JsonDocument.Parse(json);
                var args = document.RootElement.GetProperty("custom_args");
                var kind = args.GetProperty("kind").GetString() ?? "";
                var referralId = args.TryGetProperty("referralId", out var id) ? id.GetString() : null;
                lock (_seen)
                {
                    _seen[name] = new OutboxEmail(kind, referralId, json, seenAt);
                }
            }

            await Task.Delay(PollInterval, _stop.Token).ConfigureAwait(false);
        }
    }
}
