namespace Sexting.Core.Referrals;

/// <summary>The two forces of the Strategic Alliance that SA028 covers.</summary>
public enum ForceArea
{
    /// <summary>Devon and Cornwall Police.</summary>
    DevonAndCornwall,

    /// <summary>Dorset Police.</summary>
    Dorset,
}
