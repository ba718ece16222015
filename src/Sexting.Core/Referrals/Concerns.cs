namespace Sexting.Core.Referrals;

/// <summary>The concerns the reporter ticked (§3.2.2, §3.5.2, and the UKCIS 2024 initial review).</summary>
public sealed record Concerns(
    bool CoercionOrBlackmail,
    bool Grooming,
    bool Exploitation,
    bool ProfitMotive,
    bool IntentToHarmOrViolence,
    bool RepeatBehaviour,
    bool SignificantAgeImbalance,
    bool ImmediateRiskOfHarm,
    string VulnerabilityNotes)
{
    /// <summary>Nothing ticked.</summary>
    public static Concerns None { get; } = new(false, false, false, false, false, false, false, false, string.Empty);

    /// <summary>UKCIS 2024 initial review: concerns about a young person's capacity to consent (for example owing to special educational needs).</summary>
    public bool CapacityToConsent { get; init; }

    /// <summary>UKCIS 2024 initial review: the imagery shows sexual acts unusual for the young person's developmental stage, or violent acts.</summary>
    public bool AtypicalOrViolentActs { get; init; }

    /// <summary>Another aggravating factor in the reporter's words (§3.5.2: the list is not exhaustive); empty when none. At most 500 characters.</summary>
    public string OtherAggravatingFactor { get; init; } = string.Empty;
}
