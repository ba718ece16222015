namespace Sexting.Core.Links;

/// <summary>Stores decision links by token hash and decides, atomically, which use of them wins.</summary>
public interface IDecisionLinkStore
{
    /// <summary>Stores a newly issued link (idempotent by hash).</summary>
    Task SaveAsync(DecisionLink link, CancellationToken cancellationToken);

    /// <summary>Looks a token up without changing anything: its state and, when known, the link.</summary>
    Task<LinkConsumption> InspectAsync(DecisionToken token, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Uses a link for a final decision and records <paramref name="use"/> with it, in one step.
    /// Exactly one of any number of concurrent callers, over all the links of the same referral and
    /// purpose, gets <see cref="LinkState.Valid"/>; from then on every link of that referral and
    /// purpose is <see cref="LinkState.Used"/>, and <see cref="GetUseAsync"/> finds the winner's use.
    /// </summary>
    Task<LinkConsumption> ConsumeAsync(DecisionToken token, LinkUse use, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// As <see cref="ConsumeAsync(DecisionToken, LinkUse, DateTimeOffset, CancellationToken)"/>, after the caller's
    /// <see cref="InspectAsync"/> of the same token found it valid (<paramref name="inspected"/>): a store may then
    /// consume conditionally on the version it read instead of reading the link again (issue 22); a link that
    /// changed since is read again, so the outcome is the same.
    /// </summary>
    Task<LinkConsumption> ConsumeAsync(DecisionToken token, LinkUse use, DateTimeOffset now, LinkConsumption? inspected, CancellationToken cancellationToken) =>
        ConsumeAsync(token, use, now, cancellationToken);

    /// <summary>
    /// Records a final decision made without a link (from the case page, contract §10) and closes every
    /// link of the referral and purpose, as <see cref="ConsumeAsync(DecisionToken, LinkUse, DateTimeOffset, CancellationToken)"/> does for a link: of any number of
    /// concurrent callers, by link or not, exactly one wins (<c>true</c>); the others get <c>false</c>.
    /// </summary>
    Task<bool> DecideAsync(LinkUse use, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Records a use that is not final (a consultation, §3.4.3): the link stays valid (idempotent by use id).</summary>
    Task RecordUseAsync(LinkUse use, CancellationToken cancellationToken);

    /// <summary>The recorded use of that id for the referral and purpose, or <c>null</c> if the app never recorded one.</summary>
    Task<LinkUse?> GetUseAsync(string referralId, LinkPurpose purpose, string useId, CancellationToken cancellationToken);

    /// <summary>
    /// The final use that won for the referral and purpose (by a link's <see cref="ConsumeAsync(DecisionToken, LinkUse, DateTimeOffset, CancellationToken)"/> or by
    /// <see cref="DecideAsync"/>), or <c>null</c> when none was made, or the links were closed another way.
    /// </summary>
    Task<LinkUse?> GetDecisionAsync(string referralId, LinkPurpose purpose, CancellationToken cancellationToken);

    /// <summary>Closes every link of a referral and purpose (for example a decision made another way).</summary>
    Task CloseAllAsync(string referralId, LinkPurpose purpose, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>
    /// Opens a new round of decisions for a referral and purpose (contract §3: a declined case returned to
    /// the Outcome 21 route by a supervisor, SA028 §3.5.1, is proposed again). Every link issued before
    /// <paramref name="roundStart"/> stays closed; a final decision (or closure) made before it is kept as
    /// history only (<see cref="ILinkHistory"/>), so it no longer closes the new round's links, and
    /// <see cref="GetDecisionAsync"/> answers for the new round. A decision made at or after
    /// <paramref name="roundStart"/> is the new round's own and is left alone, so a retry is harmless.
    /// </summary>
    Task ReopenAsync(string referralId, LinkPurpose purpose, DateTimeOffset roundStart, CancellationToken cancellationToken);
}
