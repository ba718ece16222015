using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Core.Staff;
using Sexting.Functions.Common;
using Sexting.Functions.Staff;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Workspace;

/// <summary>
/// The one flow of every workspace action (contract §10), in this order: the origin check, 401 signed out
/// and 403 without the role (<see cref="StaffGate.ForAction"/>); 404 for an unknown case; 403 without the
/// case's force role (§9); 400 for a form that cannot be read; then the action itself (its 400 or 409, or
/// its change of the store); after the change the <see cref="WorkflowEvents.CaseAction"/> event to a running
/// orchestration, the audit of who did it (§9), and 303 to the case page for a browser form or 200 JSON.
/// 503 only when storage or the workflow backend is unavailable; the action's retry then finds its change
/// stored and answers 409, but first repeats what may not have happened (<see cref="WorkspaceOutcome.RaisingAgain"/>).
/// </summary>
public sealed partial class WorkspaceActions(ICaseStore store, StaffGate gate, StaffAudit audit, ILogger<WorkspaceActions> logger)
{
    /// <summary>What an action asks of the flow: the person, the fields and the case as read.</summary>
    public sealed record Request(StaffMember Who, WorkspaceForm Form, CaseRecord Case);

    /// <summary>
    /// Runs <paramref name="act"/> for the signed-in person with <paramref name="action"/>'s role on the case's force.
    /// <paramref name="client"/> may be null only for an action that never tells the workflow.
    /// </summary>
    public async Task<IActionResult> RunAsync(
        HttpRequest request, string referralId, StaffAction action, DurableTaskClient? client,
        Func<Request, Task<WorkspaceOutcome>> act, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(act);
        var check = gate.ForAction(request, action);
        if (check.Refusal is { } refusal)
        {
            return refusal;
        }

        var who = check.Who!;
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

            // Contract §9: the role and the case's force role.
            if (StaffPolicy.Decide(who, action, @case.ForceArea) != StaffAccess.Allowed)
            {
                return StaffGate.Forbidden();
            }

            var form = await WorkspaceForm.ReadAsync(request, cancellationToken).ConfigureAwait(false);
            if (form is null)
            {
                return HttpResults.Problem(StatusCodes.Status400BadRequest, "The form could not be read.");
            }

            var outcome = await act(new Request(who, form, @case)).ConfigureAwait(false);
            if (outcome.RaiseCaseAction)
            {
                if (client is null)
                {
                    throw new InvalidOperationException($"Workspace action {action} tells the workflow but was given no durable client.");
                }

                await RaiseAsync(client, referralId, outcome.Action, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Refusal is { } refused)
            {
                if (outcome.RaiseCaseAction)
                {
                    LogRepeated(referralId, outcome.Action);
                }

                return refused;
            }

            await audit.RecordAsync(referralId, who, outcome.AuditAction, cancellationToken).ConfigureAwait(false);
            LogDone(referralId, outcome.Action);
            return form.IsBrowserForm
                ? new BodyResult(StatusCodes.Status303SeeOther, "text/plain; charset=utf-8", string.Empty,
                    new Dictionary<string, string> { ["Location"] = "/api/cases/" + referralId, ["Cache-Control"] = "no-store" })
                : HttpResults.JsonBody(StatusCodes.Status200OK, new WorkspaceReceipt(referralId, outcome.Action, outcome.Status.ToString()));
        }
        catch (Exception ex) when (BackendFaults.IsUnavailable(ex))
        {
            LogFailed(ex, referralId, action);
            return HttpResults.Unavailable();
        }
    }

    /// <summary>
    /// A required text field of at most <paramref name="max"/> characters, sent once: true with its
    /// value, or false with the 400 that says what is wrong (<paramref name="missing"/> when absent or blank).
    /// </summary>
    public static bool TryRequiredText(
        WorkspaceForm form, string field, int max, string missing,
        [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out WorkspaceOutcome? refusal)
    {
        ArgumentNullException.ThrowIfNull(form);
        value = null;
        var text = form.Value(field);
        if (form.Values(field).Count > 1)
        {
            refusal = BadForm(field, "Send this field once.");
        }
        else if (text is null)
        {
            refusal = BadForm(field, missing);
        }
        else if (text.Length > max)
        {
            refusal = BadForm(field, $"The {field} must be {max} characters or fewer.");
        }
        else
        {
            value = text;
            refusal = null;
            return true;
        }

        return false;
    }

    /// <summary>400 with the field's error (contract §10).</summary>
    public static WorkspaceOutcome BadForm(string field, string message) =>
        new(HttpResults.Problem(StatusCodes.Status400BadRequest, "The form has errors.",
            errors: new Dictionary<string, string[]> { [field] = [message] }), "", "", default, false);

    /// <summary>409: the case is not in a status that allows the action (contract §10).</summary>
    public static WorkspaceOutcome Conflict(string detail) =>
        new(HttpResults.Problem(StatusCodes.Status409Conflict, "The case does not allow this now.", detail), "", "", default, false);

    /// <summary>
    /// Whether the referral's orchestration is running, and with which shape (<see cref="WorkflowVersions"/>);
    /// null when there is none running.
    /// </summary>
    public static async Task<int?> RunningVersionAsync(DurableTaskClient client, string referralId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        var instance = await client.GetInstanceAsync(referralId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (instance is null || instance.RuntimeStatus is not (OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.Suspended))
        {
            return null;
        }

        return VersionOf(instance.SerializedInput);
    }

    /// <summary>The <c>Version</c> of a serialized orchestration input (any casing); absent: <see cref="WorkflowVersions.Original"/>.</summary>
    internal static int VersionOf(string? serializedInput)
    {
        if (string.IsNullOrEmpty(serializedInput))
        {
            return WorkflowVersions.Original;
        }

        try
        {
            using var json = System.Text.Json.JsonDocument.Parse(serializedInput);
            if (json.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object)
            {
                foreach (var property in json.RootElement.EnumerateObject())
                {
                    if (string.Equals(property.Name, "version", StringComparison.OrdinalIgnoreCase)
                        && property.Value.TryGetInt32(out var version))
                    {
                        return version;
                    }
                }
            }
        }
        catch (System.Text.Json.JsonException)
        {
            // Not an input this app wrote: treat as the oldest shape.
        }

        return WorkflowVersions.Original;
    }

    /// <summary>Tells a running v4 orchestration the store changed; an older or finished instance is left alone (the store is the record).</summary>
    private async Task RaiseAsync(DurableTaskClient client, string referralId, string action, CancellationToken cancellationToken)
    {
        if (await RunningVersionAsync(client, referralId, cancellationToken).ConfigureAwait(false) is not >= WorkflowVersions.Workspace)
        {
            LogNotRaised(referralId, action);
            return;
        }

        await client.RaiseEventAsync(referralId, WorkflowEvents.CaseAction, new CaseActionEvent(action), cancellationToken).ConfigureAwait(false);
    }

    private static BodyResult NotFound() => HttpResults.Problem(StatusCodes.Status404NotFound, "No such referral.");

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: workspace action {Action} recorded")]
    private partial void LogDone(string referralId, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: workspace action {Action} was done already; its trailing steps repeated")]
    private partial void LogRepeated(string referralId, string action);

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: no running v4 workflow told of {Action}")]
    private partial void LogNotRaised(string referralId, string action);

    [LoggerMessage(Level = LogLevel.Error, Message = "Referral {ReferralId}: workspace action {Action} failed: storage or the workflow backend is unavailable")]
    private partial void LogFailed(Exception exception, string referralId, StaffAction action);
}

/// <summary>
/// What an action did: a refusal (400, 409), or its code, audit action and the status it left. A refusal
/// may still tell the workflow (<see cref="RaisingAgain"/>); it is never audited.
/// </summary>
public sealed record WorkspaceOutcome(IActionResult? Refusal, string Action, string AuditAction, CaseStatus Status, bool RaiseCaseAction)
{
    public static WorkspaceOutcome Done(string action, string auditAction, CaseStatus status, bool raiseCaseAction = true) =>
        new(null, action, auditAction, status, raiseCaseAction);

    /// <summary>
    /// This refusal, after <paramref name="action"/>'s <see cref="WorkflowEvents.CaseAction"/> to a running v4
    /// orchestration again: the case shows the action done by an earlier request that failed (503) after its
    /// change was stored, perhaps before the workflow was told. The orchestration reads the store on each event
    /// (§4.7), so a second event changes nothing it has already acted on.
    /// </summary>
    public WorkspaceOutcome RaisingAgain(string action) => this with { Action = action, RaiseCaseAction = true };
}

/// <summary>The JSON answer of a workspace action: <c>{ "referralId", "action", "status" }</c>.</summary>
public sealed record WorkspaceReceipt(string ReferralId, string Action, string Status);
