using Sexting.Functions.Common;

namespace Sexting.Functions.Education;

/// <summary>How a posted education confirmation ended, with the form's errors when it was bad.</summary>
public sealed record EducationResult(LinkOutcome Outcome, LinkLookup Lookup, EducationDeliveredEvent? Delivered, IReadOnlyDictionary<string, string[]> Errors);
