namespace Sexting.Core.Links;

/// <summary>What a presented link is worth (contract §5).</summary>
public enum LinkState
{
    /// <summary>Known, for the purpose asked, not expired, not used: it may act.</summary>
    Valid,

    /// <summary>Forged, truncated, unknown or for another purpose: 404.</summary>
    Unknown,

    /// <summary>Past its expiry: 410.</summary>
    Expired,

    /// <summary>This link or another of the same referral and purpose has made the final decision: 410.</summary>
    Used,
}
