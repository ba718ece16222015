namespace Sexting.Core.Cases;

/// <summary>
/// Advice the safeguarding expert recorded after a consultation (§3.4.3; contract §10): who, when,
/// the advice (personal data, sealed at rest, contract §12) and the manager's address it was emailed to.
/// <paramref name="Id"/> makes recording it idempotent.
/// </summary>
public sealed record SafeguardingAdvice(string Id, string By, DateTimeOffset At, string Advice, string SentTo);
