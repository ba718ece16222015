using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Common;

namespace Sexting.Functions.Staff;

/// <summary>
/// Who may read a case or the figures (contract §3, §8, §9): a machine with the function key, or a
/// signed-in person with the role and, for a case, the case's force role. Every read by a person is
/// audited before anything is answered, so nothing is shown that the audit does not list.
/// </summary>
public sealed partial class CaseReadAccess(FunctionKeyCheck keys, StaffGate gate, StaffAudit audit, ICaseStore store, ILogger<CaseReadAccess> logger)
{
    /// <summary>
    /// The whole read of one case: the reader admitted (<see cref="Begin"/>; machines only when
    /// <paramref name="machines"/>), the case loaded (404 for an unknown or malformed id), the force
    /// checked and the read audited as <paramref name="auditAction"/> (<see cref="AdmitAsync"/>), then
    /// <paramref name="answer"/>. A storage fault is a 503 without detail.
    /// </summary>
    public Task<IActionResult> ReadAsync(
        HttpRequest request,
        string referralId,
        StaffAction action,
        string auditAction,
        bool machines,
        Func<CaseRecord, Task<IActionResult>> answer,
        CancellationToken cancellationToken) =>
        ReadAsync(request, referralId, action, auditAction, machines, store.GetAsync, c => c, answer, cancellationToken);

    /// <summary>
    /// <see cref="ReadAsync(HttpRequest, string, StaffAction, string, bool, Func{CaseRecord, Task{IActionResult}}, CancellationToken)"/>
    /// with the case's timeline and, if <paramref name="withEmails"/>, its emails, loaded in one read that agrees
    /// with itself (<see cref="ICaseStore.GetWithHistoryAsync"/>).
    /// </summary>
    public Task<IActionResult> ReadHistoryAsync(
        HttpRequest request,
        string referralId,
        StaffAction action,
        string auditAction,
        bool machines,
        bool withEmails,
        Func<CaseHistory, Task<IActionResult>> answer,
        CancellationToken cancellationToken) =>
        ReadAsync(request, referralId, action, auditAction, machines, (id, ct) => store.GetWithHistoryAsync(id, withEmails, ct), h => h.Case, answer, cancellationToken);

    private async Task<IActionResult> ReadAsync<T>(
        HttpRequest request,
        string referralId,
        StaffAction action,
        string auditAction,
        bool machines,
        Func<string, CancellationToken, Task<T?>> load,
        Func<T, CaseRecord> caseOf,
        Func<T, Task<IActionResult>> answer,
        CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(answer);
        var reader = machines ? Begin(request, action) : StaffOnly(request, action);
        if (reader.Refusal is { } refusal)
        {
            return refusal;
        }

        if (!ReferralIds.IsValid(referralId))
        {
            return NotFound();
        }

        try
        {
            var loaded = await load(referralId, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                return NotFound();
            }

            return await AdmitAsync(reader, referralId, caseOf(loaded).ForceArea, auditAction, cancellationToken).ConfigureAwait(false)
                ?? await answer(loaded).ConfigureAwait(false);
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogReadFailed(logger, ex, referralId, action);
            return HttpResults.Unavailable();
        }
    }

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

    private CaseReader StaffOnly(HttpRequest request, StaffAction action)
    {
        var check = gate.ForRead(request, action);
        return new CaseReader(action, check.Who, check.Refusal);
    }

    private static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such referral.");

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading referral {ReferralId} ({Action}) failed: storage unavailable")]
    private static partial void LogReadFailed(ILogger logger, Exception exception, string referralId, StaffAction action);

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
