namespace Sexting.Core.Links;

/// <summary>Every link of a case and every recorded use of them (contract §10 export): what was sent where, and who did what.</summary>
public interface ILinkHistory
{
    /// <summary>The case's links (their token hashes are the store's business) and uses, oldest first.</summary>
    Task<LinkHistory> ReadAsync(string referralId, CancellationToken cancellationToken);
}

/// <summary>The links of a case and the uses recorded of them.</summary>
public sealed record LinkHistory(IReadOnlyList<DecisionLink> Links, IReadOnlyList<LinkUse> Uses);
