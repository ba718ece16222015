namespace Sexting.Core.Assessment;

/// <summary>The aggravating factors of §3.5.2, by their contract codes (contract §3).</summary>
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
}
