using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Links;

/// <summary>
/// The one flow of every token link (contract §5, §11), whatever its purpose (<see cref="LinkAction{TForm}"/>).
/// Opening it (GET) changes nothing but the audit of who read the case. Using it (POST), in this order:
/// resolve the token for the purpose; check the signed-in person may act on the case's force (none for
/// the reporter's link); validate the form; check the case still awaits the purpose; record the use
/// (consuming every link of the referral and purpose atomically when the choice is final, so exactly one
/// use wins); apply it (the education link records the delivery itself, workflow v6); raise the workflow
/// event naming only the use (§4.7), unless the purpose applied it without one; audit who did it (§9); log.
/// Nothing is raised unless the use was recorded, and nothing is recorded for a refused person or a bad form.
/// A POST of a used link raises the recorded decision's event again while the workflow still waits for it, so
/// a retry after a lost raise (503) repairs it; the answer stays 410.
/// </summary>
public sealed partial class LinkFlow(LinkResolver resolver, IDecisionLinkStore links, StaffAudit audit, TimeProvider clock, ILogger<LinkFlow> logger)
{
    private static readonly Dictionary<string, string> NoErrors = [];

    /// <summary>
    /// Looks the link up for its page (contract §5: a GET never changes anything): accepted when the
    /// case still awaits the purpose and <paramref name="who"/> may act on its force; opening it is then
    /// audited as a read of the case (§9).
    /// </summary>
    public async Task<LinkLookup> OpenAsync<TForm>(LinkAction<TForm> action, string token, StaffMember? who, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(action);
        RequireSignedIn(action, who);
        var lookup = await resolver.ResolveAsync(token, action.Purpose, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return lookup;
        }

        var @case = lookup.Case!;
        if (!MayAct(action, who, @case))
        {
            return lookup with { Outcome = LinkOutcome.NotPermitted };
        }

        if (!LinkResolver.Awaits(@case, action.Purpose))
        {
            return lookup with { Outcome = LinkOutcome.NoLongerAwaiting };
        }

        if (who is not null && action.OpenedAuditAction is { } opened)
        {
            await audit.RecordAsync(@case.ReferralId, who, opened, cancellationToken).ConfigureAwait(false);
        }

        return lookup;
    }

    /// <summary>Uses the link with a posted form, made by <paramref name="who"/> (<c>null</c> only for a link without sign-in).</summary>
    public async Task<LinkResult<TForm>> UseAsync<TForm>(
        LinkAction<TForm> action, string token, TForm form, StaffMember? who, DurableTaskClient client, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(client);
        RequireSignedIn(action, who);
        var lookup = await resolver.ResolveAsync(token, action.Purpose, cancellationToken).ConfigureAwait(false);
        if (lookup.Outcome == LinkOutcome.Used)
        {
            await RecoverAsync(action, lookup, who, client, cancellationToken).ConfigureAwait(false);
        }

        if (lookup.Outcome != LinkOutcome.Accepted)
        {
            return new LinkResult<TForm>(lookup.Outcome, lookup, form, null, NoErrors);
        }

        // §3.4.3, contract §9: a person of the case's force with the role, before the form is read.
        var @case = lookup.Case!;
        if (!MayAct(action, who, @case))
        {
            return new LinkResult<TForm>(LinkOutcome.NotPermitted, lookup, form, null, NoErrors);
        }

        var (choice, errors) = action.Validate(form, @case);
        if (choice is null)
        {
            return new LinkResult<TForm>(LinkOutcome.BadForm, lookup, form, null, errors);
        }

        if (!LinkResolver.Awaits(@case, action.Purpose))
        {
            return new LinkResult<TForm>(LinkOutcome.NoLongerAwaiting, lookup, form, null, NoErrors);
        }

        var now = clock.GetUtcNow();
        if (await action.PrepareAsync(@case, now, cancellationToken).ConfigureAwait(false) is not { } prepared)
        {
            return new LinkResult<TForm>(LinkOutcome.NoLongerAwaiting, lookup, form, null, NoErrors);
        }

        var link = lookup.Link!;
        var use = new LinkUse(LinkUse.NewId(), @case.ReferralId, action.Purpose, choice.Action,
            action.UserOf(who, link), link.SentTo, now, choice.Text, choice.Delivered);
        if (choice.Final)
        {
            // Single use (contract §5): of concurrent uses exactly one consumes the links; the others get 410.
            var consumed = await resolver.ConsumeAsync(lookup.Token!, use, lookup.Inspected, cancellationToken).ConfigureAwait(false);
            if (consumed != LinkOutcome.Accepted)
            {
                return new LinkResult<TForm>(consumed, lookup, form, null, NoErrors);
            }
        }
        else
        {
            // §3.4.3: a step that is not a decision (consulting the expert) is recorded; the links stay valid.
            await links.RecordUseAsync(use, cancellationToken).ConfigureAwait(false);
        }

        if (await action.ApplyAsync(prepared, use, client, cancellationToken).ConfigureAwait(false))
        {
            await RaiseAsync(action, @case.ReferralId, use.UseId, client, cancellationToken).ConfigureAwait(false);
        }

        // §9: after the event, so a failing audit never holds up the workflow; the link store's use
        // names who acted whatever happens here.
        if (who is not null && choice.AuditAction is { } audited)
        {
            await audit.RecordAsync(@case.ReferralId, who, audited, cancellationToken).ConfigureAwait(false);
        }

        LogUsed(@case.ReferralId, action.Purpose, choice.Action);
        return new LinkResult<TForm>(LinkOutcome.Accepted, lookup with { Case = prepared }, form, choice, NoErrors);
    }

    /// <summary>
    /// A used link POSTed again (the person retrying after a 503, say): the purpose finishes what its use left
    /// undone, and the recorded decision's event is raised again if the workflow still waits for it, for a person
    /// who may act on the case's force only. The answer stays 410 (contract §5).
    /// </summary>
    private async Task RecoverAsync<TForm>(LinkAction<TForm> action, LinkLookup lookup, StaffMember? who, DurableTaskClient client, CancellationToken cancellationToken)
        where TForm : class
    {
        if (who is null || lookup.Link is not { } link
            || await resolver.CaseOfAsync(link, cancellationToken).ConfigureAwait(false) is not { } @case
            || !MayAct(action, who, @case))
        {
            return;
        }

        if (action.Recovers)
        {
            await action.RecoverAsync(@case, cancellationToken).ConfigureAwait(false);
        }

        await RaiseRecordedAsync(action, @case, client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Tells the referral's workflow of a recorded use: the purpose's event, naming only the use (contract §4.7).</summary>
    public static Task RaiseAsync<TForm>(LinkAction<TForm> action, string referralId, string useId, DurableTaskClient client, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(client);
        return client.RaiseEventAsync(referralId, action.EventName, action.EventOf(useId), cancellationToken);
    }

    /// <summary>
    /// Raises again the event of the final use recorded for the case and purpose, when the workflow still waits
    /// for it (<see cref="LinkAction{TForm}.AwaitsEventAsync"/>): the repair of a raise lost after the use was
    /// recorded. Harmless if the first raise did arrive: the workflow acts only on a recorded use (§4.7), and
    /// the same use once. Nothing is raised when no decision was recorded (links closed another way).
    /// </summary>
    public async Task<bool> RaiseRecordedAsync<TForm>(LinkAction<TForm> action, CaseRecord @case, DurableTaskClient client, CancellationToken cancellationToken)
        where TForm : class
    {
        ArgumentNullException.ThrowIfNull(action);
        ArgumentNullException.ThrowIfNull(@case);
        if (await links.GetDecisionAsync(@case.ReferralId, action.Purpose, cancellationToken).ConfigureAwait(false) is not { } decided
            || !await action.AwaitsEventAsync(@case, decided, client, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }

        await RaiseAsync(action, @case.ReferralId, decided.UseId, client, cancellationToken).ConfigureAwait(false);
        LogRaisedAgain(@case.ReferralId, action.Purpose, decided.UseId);
        return true;
    }

    private static void RequireSignedIn<TForm>(LinkAction<TForm> action, StaffMember? who)
        where TForm : class
    {
        if (action.RequiredAction is not null)
        {
            ArgumentNullException.ThrowIfNull(who);
        }
    }

    private static bool MayAct<TForm>(LinkAction<TForm> action, StaffMember? who, CaseRecord @case)
        where TForm : class =>
        action.RequiredAction is not { } needed || StaffPolicy.Decide(who, needed, @case.ForceArea) == StaffAccess.Allowed;

    [LoggerMessage(Level = LogLevel.Information, Message = "Referral {ReferralId}: {Purpose} link used ({Action})")]
    private partial void LogUsed(string referralId, LinkPurpose purpose, string action);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Referral {ReferralId}: the workflow still waited for the recorded {Purpose} use {UseId}; its event raised again")]
    private partial void LogRaisedAgain(string referralId, LinkPurpose purpose, string useId);
}
