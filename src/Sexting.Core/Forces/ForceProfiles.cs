using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using Sexting.Core.Referrals;

namespace Sexting.Core.Forces;

/// <summary>
/// The forces the product serves (contract §1): the two Alliance forces of SA028 built in, and any
/// other onboarded by configuration (<c>Forces:&lt;force&gt;:*</c>). A force is a valid
/// <c>forceArea</c> (§2) exactly when it is here. Built once at start-up; immutable.
/// </summary>
public sealed partial class ForceProfiles
{
    /// <summary>The national crime outcome for "not in the public interest – police decision" (§3.4.1, §3.4.5).</summary>
    public const string NationalOutcome = "Outcome 21";

    // §3.4.2: "Outcome 21 is called Outcome 27 on the Devon and Cornwall UNIFI crime recording system."
    // §3.4.8: Devon and Cornwall contact the Youth Intervention Officer. §3.2.3: force website; Appendix C: dcdhub.
    private static readonly ForceProfile DevonAndCornwallProfile = new(
        ForceArea.DevonAndCornwall,
        "Devon and Cornwall Police",
        "DC",
        "Outcome 27",
        "UNIFI",
        "Youth Intervention Officer",
        "3.4.8",
        new Uri("https://www.dcdhub.org/sexting"),
        "C");

    // §3.4.2: Outcome 21 in Dorset. §3.4.9: the Safer Schools and Communities Team. Appendix D: Dorset's letter.
    private static readonly ForceProfile DorsetProfile = new(
        ForceArea.Dorset,
        "Dorset Police",
        "DO",
        "Outcome 21",
        null,
        "Safer Schools and Communities Team",
        "3.4.9",
        new Uri("https://www.dorset.police.uk/"),
        "D");

    private readonly Dictionary<string, ForceProfile> _byName;

    /// <summary>The forces given, in the order given.</summary>
    /// <exception cref="ArgumentException">Two forces share a name or a crime reference prefix, or a prefix has the wrong shape.</exception>
    public ForceProfiles(IEnumerable<ForceProfile> profiles)
    {
        ArgumentNullException.ThrowIfNull(profiles);
        All = [.. profiles];
        if (All.Count == 0)
        {
            throw new ArgumentException("At least one force is needed.", nameof(profiles));
        }

        _byName = new Dictionary<string, ForceProfile>(StringComparer.Ordinal);
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var profile in All)
        {
            if (!IsValidPrefix(profile.CrimeReferencePrefix))
            {
                throw new ArgumentException($"Force {profile.Force}: the crime reference prefix must be 2 to 4 capital letters.", nameof(profiles));
            }

            if (!_byName.TryAdd(profile.Force.Name, profile) || !prefixes.Add(profile.CrimeReferencePrefix))
            {
                throw new ArgumentException($"Force {profile.Force}: each force needs its own name and its own crime reference prefix.", nameof(profiles));
            }
        }
    }

    /// <summary>The two Alliance forces of SA028, and no other.</summary>
    public static ForceProfiles BuiltIn { get; } = new([DevonAndCornwallProfile, DorsetProfile]);

    /// <summary>The built-in profile of a force SA028 names, or null (<c>DevonAndCornwall</c>, <c>Dorset</c>).</summary>
    public static ForceProfile? BuiltInProfileOf(string name) => BuiltIn._byName.GetValueOrDefault(name);

    /// <summary>Every force, in configuration order.</summary>
    public IReadOnlyList<ForceProfile> All { get; }

    /// <summary>The display names as an English list: "Devon and Cornwall Police and Dorset Police".</summary>
    public string DisplayNames => All.Count == 1
        ? All[0].DisplayName
        : string.Join(", ", All.Take(All.Count - 1).Select(p => p.DisplayName)) + " and " + All[^1].DisplayName;

    /// <summary>The profile of a force.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The force is not one of these.</exception>
    public ForceProfile For(ForceArea force) =>
        _byName.GetValueOrDefault(force.Name) ?? throw new ArgumentOutOfRangeException(nameof(force), force.Name, "Unknown force area.");

    /// <summary>The force of that name, exactly as configured (ordinal: <c>dorset</c> is not <c>Dorset</c>).</summary>
    public bool TryFind(string? name, [NotNullWhen(true)] out ForceProfile? profile)
    {
        profile = name is null ? null : _byName.GetValueOrDefault(name);
        return profile is not null;
    }

    /// <summary>Whether a crime reference prefix has the shape the crime references need (contract §2: <c>DC-2026-000001</c>).</summary>
    public static bool IsValidPrefix(string? prefix) => prefix is not null && PrefixPattern().IsMatch(prefix);

    [GeneratedRegex("^[A-Z]{2,4}$", RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();
}
