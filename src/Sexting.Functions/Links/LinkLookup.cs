using Sexting.Core.Cases;
using Sexting.Core.Links;

namespace Sexting.Functions.Links;

/// <summary>What a presented link token refers to: the outcome so far, and when known the token, link and case.</summary>
public sealed record LinkLookup(LinkOutcome Outcome, DecisionToken? Token, DecisionLink? Link, CaseRecord? Case)
{
    /// <summary>The link store's answer that accepted the link, which a consume in the same request builds on (issue 22).</summary>
    public LinkConsumption? Inspected { get; init; }
}
