using Sexting.Core.Audit;
using Sexting.Core.Links;
using Sexting.Core.Staff;

namespace Sexting.Functions.Staff;

/// <summary>Appends what a signed-in person read or did with a case to its audit (contract §9, §10), at the clock's time.</summary>
public sealed class StaffAudit(IAuditLog audit, TimeProvider clock)
{
    /// <summary>Records that <paramref name="who"/> took <paramref name="action"/> (an <see cref="AuditActions"/> code) on the case.</summary>
    public Task RecordAsync(string referralId, StaffMember who, string action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(who);
        return audit.AppendAsync(referralId, new AuditEntry(clock.GetUtcNow(), StaffIdentity.Of(who), action), cancellationToken);
    }
}
