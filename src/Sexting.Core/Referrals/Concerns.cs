namespace Sexting.Core.Referrals;

/// <summary>The concerns the reporter ticked (§3.2.2, §3.5.2).</summary>
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
}
