using System.ComponentModel.DataAnnotations;

namespace Sexting.Infrastructure.Storage;

/// <summary>Configuration of the case store (section <c>Tables</c>, contract §1).</summary>
public sealed class TableStorageOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Tables";

    /// <summary>The name under which the table client is registered with Microsoft.Extensions.Azure.</summary>
    public const string ClientName = "SextingTables";

    /// <summary>
    /// The development HMAC key for the people index. Fine for Azurite; a deployment sets its own
    /// secret <c>Tables:IndexKey</c>, or the hashes could be recomputed from guessed names.
    /// </summary>
    public const string DevelopmentIndexKey = "sexting-development-index-key-not-for-production";

    /// <summary>Storage account connection string; Azurite by default.</summary>
    [Required]
    public string ConnectionString { get; set; } = "UseDevelopmentStorage=true";

    /// <summary>
    /// The secret from which the HMAC key of the people index is derived (never the name itself goes
    /// into a key). Any non-empty secret will do: <see cref="PersonKeyHasher"/> derives a 256-bit key
    /// from it, so the 15 characters that azd generates by default work as well as a longer one.
    /// </summary>
    [Required]
    public string IndexKey { get; set; } = DevelopmentIndexKey;

    /// <summary>
    /// Prepended to every table name so tests and benchmarks can isolate their tables: letters and
    /// digits only, starting with a letter, at most 40 characters (table names allow 63).
    /// </summary>
    [RegularExpression("^([A-Za-z][A-Za-z0-9]{0,39})?$")]
    public string TablePrefix { get; set; } = string.Empty;

    /// <summary>
    /// How long an open claim of the once-ledger lives before another caller may take it over (its
    /// holder presumed dead). Longer than any one piece of claimed work, such as an email send with
    /// its retries (at most about 4 minutes); shorter than the workflow's activity retries (about 8
    /// minutes), so a send cut short by a crash is retried and delivered.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);
}
