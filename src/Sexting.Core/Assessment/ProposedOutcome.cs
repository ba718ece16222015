namespace Sexting.Core.Assessment;

/// <summary>
/// The crime outcome proposed for a line manager's authorisation (§3.4.1–§3.4.3):
/// the national code and the force's own name for it.
/// </summary>
public sealed record ProposedOutcome(string National, string Local);
