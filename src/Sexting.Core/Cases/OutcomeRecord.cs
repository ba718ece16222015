namespace Sexting.Core.Cases;

/// <summary>An authorised outcome (§3.4.3): who authorised it, when and why.</summary>
public sealed record OutcomeRecord(string National, string Local, string AuthorisedBy, DateTimeOffset AuthorisedAt, string Rationale);
