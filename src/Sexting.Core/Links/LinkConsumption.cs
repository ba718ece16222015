namespace Sexting.Core.Links;

/// <summary>The result of trying to use a link for a final decision: exactly one caller gets <see cref="LinkState.Valid"/>.</summary>
public sealed record LinkConsumption(LinkState State, DecisionLink? Link);
