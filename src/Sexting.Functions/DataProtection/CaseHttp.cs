using Microsoft.AspNetCore.Http;
using Sexting.Core.Audit;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;

namespace Sexting.Functions.DataProtection;

/// <summary>What the data-protection routes of a case share: the 404, no caching, and the audit.</summary>
internal static class CaseHttp
{
    /// <summary>Personal data must not sit in a cache.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoStore = new Dictionary<string, string> { ["Cache-Control"] = "no-store" };

    public static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such case.");

    /// <summary>
    /// Appends the action to the case's audit (contract §10). The audit store is registered by the
    /// audit's own change (issue 18); until it is, there is none to append to.
    /// </summary>
    public static async Task AuditAsync(IEnumerable<IAuditLog> audit, string referralId, StaffMember who, string action, TimeProvider time, CancellationToken cancellationToken)
    {
        foreach (var log in audit)
        {
            await log.AppendAsync(referralId, new AuditEntry(time.GetUtcNow(), StaffIdentity.Of(who), action), cancellationToken).ConfigureAwait(false);
        }
    }
}
