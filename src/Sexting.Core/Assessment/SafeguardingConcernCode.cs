namespace Sexting.Core.Assessment;

/// <summary>Safeguarding concerns to ascertain at the point of reporting (§3.2.2).</summary>
public enum SafeguardingConcernCode
{
    /// <summary>The reporter says a young person is at immediate risk of harm.</summary>
    ImmediateRiskOfHarm,

    /// <summary>The reporter described a vulnerability.</summary>
    Vulnerability,
}
