using Sexting.Core.Assessment;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>The policy's own words for codes, so emails read as SA028 does.</summary>
internal static class PolicyWords
{
    /// <summary>The aggravating factors of §3.5.2, in its order, as it names them; then those of the UKCIS 2024 initial review, in its words.</summary>
    public static IReadOnlyList<(AggravatingFactorCode Code, string Title)> Factors { get; } =
    [
        (AggravatingFactorCode.AdultInvolved, "Adult involved as perpetrators"),
        (AggravatingFactorCode.SignificantAgeImbalance, "Significant age imbalance"),
        (AggravatingFactorCode.UnderThirteen, "At least one individual involved is under the age of 13"),
        (AggravatingFactorCode.Grooming, "Indications of grooming"),
        (AggravatingFactorCode.CoercionOrBlackmail, "Blackmail or coercion"),
        (AggravatingFactorCode.RepeatOffending, "Repeat offending"),
        (AggravatingFactorCode.IntentToHarmOrViolence, "Intent to harm or violence"),
        (AggravatingFactorCode.ProfitMotive, "Profit motive"),
        (AggravatingFactorCode.Exploitation, "Exploitation"),
        (AggravatingFactorCode.CapacityToConsent, "Concerns about a young person's capacity to consent"),
        (AggravatingFactorCode.AtypicalOrViolentActs, "Sexual acts unusual for the young person's developmental stage, or violent acts"),
        (AggravatingFactorCode.OtherAggravatingFactor, "Another aggravating factor given by the setting"),
    ];

    /// <summary>A factor's citation as a reader sees it: "SA028 §3.5.2", or the UKCIS reference as it is.</summary>
    public static string Cite(string policyRef)
    {
        ArgumentNullException.ThrowIfNull(policyRef);
        return policyRef.Length > 0 && char.IsAsciiDigit(policyRef[0]) ? "SA028 §" + policyRef : policyRef;
    }

    /// <summary>Where a factor comes from, cited as a reader sees it.</summary>
    public static string CiteFactor(AggravatingFactorCode code) => Cite(ReferralAssessor.PolicyRefOf(code));

    public static string Factor(AggravatingFactorCode code) =>
        Factors.FirstOrDefault(f => f.Code == code).Title ?? code.ToString();

    // §3.2.2: vulnerabilities and safeguarding concerns.
    public static string Concern(SafeguardingConcernCode code) => code switch
    {
        SafeguardingConcernCode.ImmediateRiskOfHarm => "Immediate risk of harm",
        SafeguardingConcernCode.Vulnerability => "Vulnerability",
        _ => code.ToString(),
    };

    public static string Role(YoungPersonRole role) => role switch
    {
        YoungPersonRole.Creator => "made the imagery",
        YoungPersonRole.Sender => "sent or shared the imagery",
        YoungPersonRole.Recipient => "received the imagery",
        YoungPersonRole.Subject => "is shown in the imagery",
        _ => "involved in another way",
    };

    public static string Reporter(ReporterRole role) => role switch
    {
        ReporterRole.DesignatedSafeguardingLead => "Designated safeguarding lead",
        ReporterRole.DeputySafeguardingLead => "Deputy safeguarding lead",
        ReporterRole.Headteacher => "Head teacher",
        ReporterRole.Teacher => "Teacher",
        _ => "Other member of staff",
    };
}
