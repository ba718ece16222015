using Sexting.Core.Cases;
using Sexting.Core.Links;

namespace Sexting.Functions.Links;

/// <summary>
/// Looks a link token up without changing anything (contract §5: GET never changes anything).
/// Forged, unknown or other-purpose tokens are not found; expired or used ones are gone.
/// </summary>
public sealed class LinkResolver(IDecisionLinkStore links, ICaseStore store, TimeProvider clock)
{
    public async Task<LinkLookup> ResolveAsync(string? tokenText, LinkPurpose purpose, CancellationToken cancellationToken)
    {
        if (!DecisionToken.TryParse(tokenText, out var token))
        {
            return new LinkLookup(LinkOutcome.NotFound, null, null, null);
        }

        var inspected = await links.InspectAsync(token!, purpose, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        switch (inspected.State)
        {
            case LinkState.Unknown:
                return new LinkLookup(LinkOutcome.NotFound, token, null, null);
            case LinkState.Expired:
                return new LinkLookup(LinkOutcome.Expired, token, inspected.Link, null);
            case LinkState.Used:
                return new LinkLookup(LinkOutcome.Used, token, inspected.Link, null);
        }

        // A token names its referral; a link bound to another referral is treated as forged.
        if (inspected.Link is not { } link || link.ReferralId != token!.ReferralId || link.Purpose != purpose)
        {
            return new LinkLookup(LinkOutcome.NotFound, token, null, null);
        }

        var @case = await store.GetAsync(link.ReferralId, cancellationToken).ConfigureAwait(false);
        return @case is null
            ? new LinkLookup(LinkOutcome.NotFound, token, link, null)
            : new LinkLookup(LinkOutcome.Accepted, token, link, @case) { Inspected = inspected };
    }

    /// <summary>The case a link belongs to, or <c>null</c> when it is no longer stored.</summary>
    public Task<CaseRecord?> CaseOfAsync(DecisionLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        return store.GetAsync(link.ReferralId, cancellationToken);
    }

    /// <summary>
    /// Uses the link for a final decision and records what was decided and by whom: exactly one
    /// caller over all links of the referral and purpose wins. <paramref name="inspected"/>: what
    /// <see cref="ResolveAsync"/> found in the same request, which spares the store a second read.
    /// </summary>
    public async Task<LinkOutcome> ConsumeAsync(DecisionToken token, LinkUse use, LinkConsumption? inspected, CancellationToken cancellationToken)
    {
        var consumed = await links.ConsumeAsync(token, use, clock.GetUtcNow(), inspected, cancellationToken).ConfigureAwait(false);
        return consumed.State switch
        {
            LinkState.Valid => LinkOutcome.Accepted,
            LinkState.Unknown => LinkOutcome.NotFound,
            LinkState.Expired => LinkOutcome.Expired,
            _ => LinkOutcome.Used,
        };
    }

    /// <summary>Whether the case still waits for what this link decides.</summary>
    public static bool Awaits(CaseRecord @case, LinkPurpose purpose)
    {
        ArgumentNullException.ThrowIfNull(@case);
        return purpose switch
        {
            LinkPurpose.Authorisation => @case.Status == CaseStatus.AwaitingAuthorisation,
            LinkPurpose.EducationDelivered => @case.Status == CaseStatus.EducationAndIntervention,
            // Contract §11: until the deadline makes it unconfirmed (or later work moves it on).
            // Issue 20: an accepted referral, or one a supervisor returned to Outcome 21 before the reporter
            // confirmed, still waits for the confirmation (contract §4.3, §10).
            LinkPurpose.ReporterConfirmation => @case.Confirmation is not null
                && (@case.Status is CaseStatus.Received or CaseStatus.ReferredForInvestigation or CaseStatus.UnderInvestigation
                    || (@case.Status == CaseStatus.AwaitingAuthorisation && !@case.ReporterConfirmed)),
            _ => false,
        };
    }
}
