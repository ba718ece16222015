namespace Sexting.Core.Audit;

/// <summary>
/// The audit of who read and did what with a case (contract §9, §10), kept in a store of its own so
/// nobody who can change a case can quietly change its audit. Append only.
/// </summary>
public interface IAuditLog
{
    /// <summary>Appends <paramref name="entry"/> to the case's audit.</summary>
    Task AppendAsync(string referralId, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The case's audit, oldest first; empty for a case nobody has read.</summary>
    Task<IReadOnlyList<AuditEntry>> ReadAsync(string referralId, CancellationToken cancellationToken);
}
