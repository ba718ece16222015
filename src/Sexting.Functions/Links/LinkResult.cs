namespace Sexting.Functions.Links;

/// <summary>
/// How a use of a link ended: accepted (with the choice recorded), a bad form (with its errors, keyed
/// by field name), or a problem with the link (any other <see cref="LinkOutcome"/>). Holds the lookup,
/// whose case is the case as the use left it, and the form as posted, to show again.
/// </summary>
public sealed record LinkResult<TForm>(LinkOutcome Outcome, LinkLookup Lookup, TForm Form, LinkChoice? Choice, IReadOnlyDictionary<string, string> Errors);
