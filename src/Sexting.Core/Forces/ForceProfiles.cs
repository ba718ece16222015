using Sexting.Core.Referrals;

namespace Sexting.Core.Forces;

/// <summary>The profiles of the two forces.</summary>
public static class ForceProfiles
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
        new Uri("https://www.dcdhub.org/sexting"));

    // §3.4.2: Outcome 21 in Dorset. §3.4.9: the Safer Schools and Communities Team.
    private static readonly ForceProfile DorsetProfile = new(
        ForceArea.Dorset,
        "Dorset Police",
        "DO",
        "Outcome 21",
        null,
        "Safer Schools and Communities Team",
        "3.4.9",
        new Uri("https://www.dorset.police.uk/"));

    /// <summary>The profile of a force.</summary>
    public static ForceProfile For(ForceArea force) => force switch
    {
        ForceArea.DevonAndCornwall => DevonAndCornwallProfile,
        ForceArea.Dorset => DorsetProfile,
        _ => throw new ArgumentOutOfRangeException(nameof(force), force, "Unknown force area."),
    };

    /// <summary>Both profiles.</summary>
    public static IReadOnlyList<ForceProfile> All { get; } = [DevonAndCornwallProfile, DorsetProfile];
}
