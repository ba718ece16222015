using Sexting.Core.Links;

namespace Sexting.Functions.Tests.Fakes;

/// <summary>A thread-safe in-memory <see cref="IDecisionLinkStore"/>: consuming one link of a referral and purpose uses them all, atomically.</summary>
public sealed class InMemoryLinkStore : IDecisionLinkStore, ILinkHistory
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DecisionLink> _links = [];
    // When each referral and purpose was decided or closed; a reopened round removes it.
    private readonly Dictionary<(string, LinkPurpose), DateTimeOffset> _consumed = [];
    private readonly Dictionary<string, LinkUse> _uses = [];
    private readonly Dictionary<(string, LinkPurpose), string> _decided = [];

    public IReadOnlyList<DecisionLink> All
    {
        get
        {
            lock (_lock)
            {
                return [.. _links.Values];
            }
        }
    }

    public Task SaveAsync(DecisionLink link, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _links.TryAdd(link.TokenHash, link);
            return Task.CompletedTask;
        }
    }

    public Task<LinkConsumption> InspectAsync(DecisionToken token, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(StateOf(token, purpose, now));
        }
    }

    public Task<LinkConsumption> ConsumeAsync(DecisionToken token, LinkUse use, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var state = StateOf(token, use.Purpose, now);
            if (state.State != LinkState.Valid)
            {
                return Task.FromResult(state);
            }

            // As the Table store: the decided marker stops every link of the referral and purpose, and
            // the link used (only it) is stamped closed and returned so.
            var used = state.Link! with { ClosedAt = now };
            _links[used.TokenHash] = used;
            _consumed[(used.ReferralId, use.Purpose)] = now;
            _uses[use.UseId] = use;
            _decided[(use.ReferralId, use.Purpose)] = use.UseId;
            return Task.FromResult(new LinkConsumption(LinkState.Valid, used));
        }
    }

    public Task<bool> DecideAsync(LinkUse use, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            if (_consumed.ContainsKey((use.ReferralId, use.Purpose)))
            {
                return Task.FromResult(false);
            }

            Close(use.ReferralId, use.Purpose, now);
            _uses[use.UseId] = use;
            _decided[(use.ReferralId, use.Purpose)] = use.UseId;
            return Task.FromResult(true);
        }
    }

    public Task RecordUseAsync(LinkUse use, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            _uses.TryAdd(use.UseId, use);
            return Task.CompletedTask;
        }
    }

    public Task<LinkUse?> GetUseAsync(string referralId, LinkPurpose purpose, string useId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_uses.TryGetValue(useId, out var use) && use.ReferralId == referralId && use.Purpose == purpose ? use : null);
        }
    }

    public Task<LinkUse?> GetDecisionAsync(string referralId, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(_decided.TryGetValue((referralId, purpose), out var useId) ? _uses[useId] : null);
        }
    }

    public Task CloseAllAsync(string referralId, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            Close(referralId, purpose, now);
            return Task.CompletedTask;
        }
    }

    public Task ReopenAsync(string referralId, LinkPurpose purpose, DateTimeOffset roundStart, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            // As the Table store: the earlier rounds' links stay closed; their decision stays in the history.
            foreach (var link in _links.Values.Where(l => l.ReferralId == referralId && l.Purpose == purpose && l.ClosedAt is null && l.IssuedAt < roundStart).ToList())
            {
                _links[link.TokenHash] = link with { ClosedAt = roundStart };
            }

            if (_consumed.TryGetValue((referralId, purpose), out var at) && at < roundStart)
            {
                _consumed.Remove((referralId, purpose));
                _decided.Remove((referralId, purpose));
            }

            return Task.CompletedTask;
        }
    }

    public Task<LinkHistory> ReadAsync(string referralId, CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            return Task.FromResult(new LinkHistory(
                [.. _links.Values.Where(l => l.ReferralId == referralId).OrderBy(l => l.IssuedAt)],
                [.. _uses.Values.Where(u => u.ReferralId == referralId).OrderBy(u => u.At)]));
        }
    }

    /// <summary>Test helper: store a link for a token made by the test.</summary>
    public DecisionToken Issue(string referralId, LinkPurpose purpose, string sentTo, DateTimeOffset issuedAt, DateTimeOffset expiresAt)
    {
        var token = DecisionToken.Issue(referralId);
        lock (_lock)
        {
            _links[token.Hash] = new DecisionLink(token.Hash, referralId, purpose, sentTo, issuedAt, expiresAt, null);
        }

        return token;
    }

    private void Close(string referralId, LinkPurpose purpose, DateTimeOffset now)
    {
        _consumed.TryAdd((referralId, purpose), now);
        foreach (var link in _links.Values.Where(l => l.ReferralId == referralId && l.Purpose == purpose && l.ClosedAt is null).ToList())
        {
            _links[link.TokenHash] = link with { ClosedAt = now };
        }
    }

    private LinkConsumption StateOf(DecisionToken token, LinkPurpose purpose, DateTimeOffset now)
    {
        if (!_links.TryGetValue(token.Hash, out var link) || link.Purpose != purpose)
        {
            return new LinkConsumption(LinkState.Unknown, null);
        }

        if (link.ClosedAt is not null || _consumed.ContainsKey((link.ReferralId, purpose)))
        {
            return new LinkConsumption(LinkState.Used, link);
        }

        return now >= link.ExpiresAt ? new LinkConsumption(LinkState.Expired, link) : new LinkConsumption(LinkState.Valid, link);
    }
}
