using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Sexting.Core.Audit;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/cases/{referralId}/audit</c> (contract §10): every read and action by a person on the
/// case, oldest first, for an <c>Administrator</c> of the case's force. Reading the audit is itself
/// audited, and listed.
/// </summary>
public sealed class CaseAuditHttp(CaseReadAccess access, IAuditLog audit)
{
    [Function("GetCaseAudit")]
    public Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}/audit")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken) =>
        access.ReadAsync(request, referralId, StaffAction.ReadAudit, AuditActions.ReadAudit, machines: false, async @case =>
        {
            var entries = await audit.ReadAsync(@case.ReferralId, cancellationToken).ConfigureAwait(false);
            return (IActionResult)HttpResults.JsonBody(StatusCodes.Status200OK, new AuditView(entries.Select(AuditEntryView.From).ToList()), DataProtection.CaseHttp.NoStore);
        }, cancellationToken);
}

/// <summary>Contract §10: <c>{ "entries": [ { "at", "who", "email", "userId", "action" } ] }</c>.</summary>
public sealed record AuditView(IReadOnlyList<AuditEntryView> Entries);

/// <summary>One audit entry as the route shows it.</summary>
public sealed record AuditEntryView(DateTimeOffset At, string Who, string Email, string UserId, string Action)
{
    public static AuditEntryView From(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new AuditEntryView(entry.At, entry.Who.Name, entry.Who.Email, entry.Who.UserId, entry.Action);
    }
}
