using System.ComponentModel.DataAnnotations;

namespace Sexting.Infrastructure.DataProtection;

/// <summary>Configuration of encryption at rest and the timeline's chain (section <c>DataProtection</c>, contract §1, §12).</summary>
public sealed class DataProtectionOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "DataProtection";

    /// <summary>
    /// The development secret of the timeline's keyed hash. Fine for Azurite; a deployment sets its own
    /// <c>DataProtection:TimelineKey</c> (a Key Vault secret), or anyone with the storage could re-chain an
    /// edited timeline.
    /// </summary>
    public const string DevelopmentTimelineKey = "sexting-development-timeline-key-not-for-production";

    /// <summary>
    /// The key-encryption key: a Key Vault key's URI without version (<c>https://vault.vault.azure.net/keys/name</c>)
    /// in Azure. Empty: the development key file at <see cref="LocalKeyPath"/>.
    /// </summary>
    public string? KeyUri { get; set; }

    /// <summary>The development key-encryption key's file, created on first use (the local host puts it under <c>.local/</c>).</summary>
    [Required]
    public string LocalKeyPath { get; set; } = ".local/keys/data-protection-kek.json";

    /// <summary>The secret from which the timeline's HMAC key is derived (HKDF-SHA256, so its length does not matter).</summary>
    [Required]
    public string TimelineKey { get; set; } = DevelopmentTimelineKey;

    /// <summary>How long an unwrapped data key stays in memory after its last unwrap (each unwrap is a Key Vault call in Azure).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeyCacheLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Whether the key-encryption key is a Key Vault key.</summary>
    public bool UsesKeyVault => !string.IsNullOrWhiteSpace(KeyUri);
}
