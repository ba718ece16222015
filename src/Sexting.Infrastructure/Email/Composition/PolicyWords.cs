using Sexting.Core.Assessment;
using Sexting.Core.Referrals;

namespace Sexting.Infrastructure.Email.Composition;

/// <summary>The policy's own words for codes, so emails read as SA028 does.</summary>
internal static class PolicyWords
{
    /// <summary>The aggravating factors of §3.5.2, in its order, as it names them.</summary>
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
    ];

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
