using Sexting.Core.Referrals;

namespace Sexting.Core.Assessment;

/// <summary>
/// Which roles are offending for repeat offending (§3.4.6 "a pattern of behaviour", §3.5.2 "Repeat
/// offending"; contract §3): making (<see cref="YoungPersonRole.Creator"/>) or sending
/// (<see cref="YoungPersonRole.Sender"/>) the imagery. A young person who was its
/// <see cref="YoungPersonRole.Subject"/> or <see cref="YoungPersonRole.Recipient"/> is a victim,
/// then or now, never a repeat offender; <see cref="YoungPersonRole.Other"/> is no offending role either.
/// </summary>
public static class OffendingRoles
{
    /// <summary>Whether a role is an offending one.</summary>
    public static bool IsOffending(YoungPersonRole role) => role is YoungPersonRole.Creator or YoungPersonRole.Sender;

    /// <summary>
    /// The role that stands for a person named more than once in one referral: an offending role
    /// if they had one (<see cref="YoungPersonRole.Creator"/> before <see cref="YoungPersonRole.Sender"/>), else the first given.
    /// </summary>
    public static YoungPersonRole MostOffending(IEnumerable<YoungPersonRole> roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var list = roles.ToList();
        if (list.Count == 0)
        {
            throw new ArgumentException("At least one role is needed.", nameof(roles));
        }

        return list.Contains(YoungPersonRole.Creator) ? YoungPersonRole.Creator
            : list.Contains(YoungPersonRole.Sender) ? YoungPersonRole.Sender
            : list[0];
    }
}
