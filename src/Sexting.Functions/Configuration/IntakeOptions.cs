using Sexting.Core.Referrals;

namespace Sexting.Functions.Configuration;

/// <summary>
/// Contract §1, §11 <c>Intake:*</c>: referrals accepted per minute from one client address, and the
/// email domains of schools and colleges (comma- or space-separated; each takes its subdomains).
/// </summary>
public sealed class IntakeOptions
{
    public const string Section = "Intake";

    private static readonly char[] Separators = [',', ';', ' '];

    public int PermitsPerMinute { get; set; } = 10;

    /// <summary>The window the permits are counted over: one minute; shorter only for tests of recovery.</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public string TrustedReporterDomains { get; set; } = "sch.uk";

    public TrustedReporterDomains Domains() =>
        new(TrustedReporterDomains.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    public bool IsValid() => PermitsPerMinute is >= 1 and <= 1_000_000 && Window > TimeSpan.Zero && Window <= TimeSpan.FromHours(1) && Domains().Domains.Count > 0;
}
