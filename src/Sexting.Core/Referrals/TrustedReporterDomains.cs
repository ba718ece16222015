namespace Sexting.Core.Referrals;

/// <summary>
/// The email domains of schools and colleges (contract §11, <c>Intake:TrustedReporterDomains</c>):
/// a domain matches itself and its subdomains, so <c>sch.uk</c> takes <c>dsl@exevalley.devon.sch.uk</c>
/// but not <c>dsl@notsch.uk</c>.
/// </summary>
public sealed class TrustedReporterDomains
{
    private readonly string[] _domains;

    /// <summary>The domains, without a leading dot or <c>@</c>; blanks are ignored.</summary>
    public TrustedReporterDomains(IEnumerable<string> domains)
    {
        ArgumentNullException.ThrowIfNull(domains);
        _domains = [.. domains.Select(d => d.Trim().TrimStart('.', '@').TrimEnd('.').ToLowerInvariant()).Where(d => d.Length > 0).Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The default of contract §1: <c>sch.uk</c>.</summary>
    public static TrustedReporterDomains Default { get; } = new(["sch.uk"]);

    /// <summary>The domains, normalised.</summary>
    public IReadOnlyList<string> Domains => _domains;

    /// <summary>Whether <paramref name="email"/>'s domain is one of the domains or under one.</summary>
    public bool IsTrusted(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        if (email is null || at < 0)
        {
            return false;
        }

        var domain = email[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        return _domains.Any(d => domain == d || domain.EndsWith("." + d, StringComparison.Ordinal));
    }
}
