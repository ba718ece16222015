using Sexting.Functions.Common;

namespace Sexting.Functions.Authorisation;

/// <summary>How a posted decision ended, with the form's errors when it was bad.</summary>
public sealed record DecisionResult(LinkOutcome Outcome, LinkLookup Lookup, DecisionEvent? Decision, IReadOnlyDictionary<string, string[]> Errors);
