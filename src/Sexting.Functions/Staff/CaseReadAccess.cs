using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Common;

namespace Sexting.Functions.Staff;

/// <summary>
/// Who may read a case or the figures (contract §3, §8, §9): a machine with the function key, or a
/// signed-in person with the role and, for a case, the case's force role. Every read by a person is
/// audited before anything is answered, so nothing is shown that the audit does not list.
/// </summary>
public sealed class CaseReadAccess(FunctionKeyCheck keys, StaffGate gate, StaffAudit audit)
{
    /// <summary>
    /// Before anything is read: a presented key must be right (else 401); without one the person
    /// must be signed in (401) and hold the action's role (403).
    /// </summary>
    public CaseReader Begin(HttpRequest request, StaffAction action)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (FunctionKeyCheck.Presents(request))
        {
            return keys.IsAuthorized(request)
                ? new CaseReader(action, null, null)
                : new CaseReader(action, null, HttpResults.Problem(StatusCodes.Status401Unauthorized, "The function key is missing or wrong."));
        }

        var check = gate.ForRead(request, action);
        return new CaseReader(action, check.Who, check.Refusal);
    }

    /// <summary>
    /// Once the case is known: a person needs its force role (else 403) and the read is audited as
    /// <paramref name="auditAction"/>; a machine passes. <c>null</c> means go on.
    /// </summary>
    public async Task<IActionResult?> AdmitAsync(CaseReader reader, string referralId, ForceArea force, string auditAction, CancellationToken cancellationToken)
    {
        if (reader.Who is not { } who)
        {
            return reader.Refusal;
        }

        if (StaffPolicy.Decide(who, reader.Action, force) != StaffAccess.Allowed)
        {
            return StaffGate.Forbidden();
        }

        await audit.RecordAsync(referralId, who, auditAction, cancellationToken).ConfigureAwait(false);
        return null;
    }
}

/// <summary>A reader of a case: a person (<see cref="Who"/>) or a machine (none), or a refusal to give at once.</summary>
public readonly record struct CaseReader(StaffAction Action, StaffMember? Who, IActionResult? Refusal);
