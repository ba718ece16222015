using Sexting.Core.Links;
using Sexting.Functions.Common;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Authorisation;

/// <summary>How a posted decision ended: the form as posted, and its errors (keyed by field name) when it was bad.</summary>
public sealed record DecisionResult(LinkOutcome Outcome, LinkLookup Lookup, ApprovalForm Form, ApprovalDecision? Decision, IReadOnlyDictionary<string, string> Errors);
