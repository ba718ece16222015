using Sexting.Functions.Common;
using Sexting.Infrastructure.Pages.Decisions;

namespace Sexting.Functions.Education;

/// <summary>How a posted education confirmation ended: the form as posted, and its errors (keyed by field name) when it was bad.</summary>
public sealed record EducationResult(LinkOutcome Outcome, LinkLookup Lookup, EducationForm Form, IReadOnlyDictionary<string, string> Errors);
