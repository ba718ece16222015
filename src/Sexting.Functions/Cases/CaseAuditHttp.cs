using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Cases;

/// <summary>
/// <c>GET /api/cases/{referralId}/audit</c> (contract §10): every read and action by a person on the
/// case, oldest first, for an <c>Administrator</c> of the case's force. Reading the audit is itself
/// audited, and listed.
/// </summary>
public sealed class CaseAuditHttp(ICaseStore store, StaffGate gate, StaffAudit staffAudit, IAuditLog audit, ILogger<CaseAuditHttp> logger)
{
    [Function("GetCaseAudit")]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "cases/{referralId}/audit")] HttpRequest request,
        string referralId,
        CancellationToken cancellationToken)
    {
        var check = gate.ForRead(request, StaffAction.ReadAudit);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!ReferralIds.IsValid(referralId))
        {
            return NotFound();
        }

        try
        {
            var @case = await store.GetAsync(referralId, cancellationToken).ConfigureAwait(false);
            if (@case is null)
            {
                return NotFound();
            }

            if (StaffPolicy.Decide(check.Who, StaffAction.ReadAudit, @case.ForceArea) != StaffAccess.Allowed)
            {
                return StaffGate.Forbidden();
            }

            await staffAudit.RecordAsync(referralId, check.Who!, AuditActions.ReadAudit, cancellationToken).ConfigureAwait(false);
            var entries = await audit.ReadAsync(referralId, cancellationToken).ConfigureAwait(false);
            return HttpResults.JsonBody(StatusCodes.Status200OK, new AuditView(entries.Select(AuditEntryView.From).ToList()));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Reading the audit of referral {ReferralId} failed: storage unavailable", referralId);
            return HttpResults.Unavailable();
        }
    }

    private static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such referral.");
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
