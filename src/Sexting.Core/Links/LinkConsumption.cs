namespace Sexting.Core.Links;

/// <summary>The result of trying to use a link for a final decision: exactly one caller gets <see cref="LinkState.Valid"/>.</summary>
public sealed record LinkConsumption(LinkState State, DecisionLink? Link)
{
    /// <summary>
    /// The stored link's version as read (a store that has versions sets it), so that a consume right after an
    /// inspection (<see cref="IDecisionLinkStore.ConsumeAsync(DecisionToken, LinkUse, DateTimeOffset, LinkConsumption?, CancellationToken)"/>)
    /// need not read it again: the consume is conditional on it.
    /// </summary>
    public string? Version { get; init; }
}
