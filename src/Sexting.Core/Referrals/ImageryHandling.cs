namespace Sexting.Core.Referrals;

/// <summary>What the setting did with the imagery (§3.2.3: it must not copy or store it) and what it is (UKCIS 2024).</summary>
public sealed record ImageryHandling(bool ViewedBySetting, bool CopiedOrStoredBySetting)
{
    /// <summary>Nothing reported.</summary>
    public static ImageryHandling None { get; } = new(false, false);

    /// <summary>UKCIS 2024: the imagery is a pseudo-image or AI-generated (it counts as imagery all the same).</summary>
    public bool PseudoOrGeneratedImagery { get; init; }

    /// <summary>Whether the setting has already told the parents or carers (UKCIS 2024: in most cases they should be).</summary>
    public bool ParentsInformedBySetting { get; init; }
}
