namespace Sexting.Core.Assessment;

/// <summary>
/// The aggravating factors of §3.5.2, by their contract codes (contract §3), then those the UKCIS
/// 2024 initial review adds, taken in under §3.5.2's "not exhaustive". Declared in the order they are reported.
/// </summary>
public enum AggravatingFactorCode
{
    /// <summary>"Adult involved as perpetrators".</summary>
    AdultInvolved,

    /// <summary>"Significant age imbalance".</summary>
    SignificantAgeImbalance,

    /// <summary>"At least one or more individual involved is under the age of 13".</summary>
    UnderThirteen,

    /// <summary>"Indications of grooming".</summary>
    Grooming,

    /// <summary>"Blackmail/ coercion".</summary>
    CoercionOrBlackmail,

    /// <summary>"Repeat offending".</summary>
    RepeatOffending,

    /// <summary>"Intent to harm or violence".</summary>
    IntentToHarmOrViolence,

    /// <summary>"Profit motive".</summary>
    ProfitMotive,

    /// <summary>"Exploitation".</summary>
    Exploitation,

    /// <summary>UKCIS 2024 initial review: "concerns about their capacity to consent (for example, owing to special educational needs)".</summary>
    CapacityToConsent,

    /// <summary>UKCIS 2024 initial review: sexual acts "unusual for the young person's developmental stage, or are violent".</summary>
    AtypicalOrViolentActs,

    /// <summary>§3.5.2 "This list is not exhaustive": another factor, in the reporter's words.</summary>
    OtherAggravatingFactor,
}
