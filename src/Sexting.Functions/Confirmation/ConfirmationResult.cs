using Sexting.Functions.Common;

namespace Sexting.Functions.Confirmation;

/// <summary>How a reporter's confirmation ended, and the link lookup it was made on.</summary>
public sealed record ConfirmationResult(LinkOutcome Outcome, LinkLookup Lookup);
