using System.Text.Json.Nodes;
using Sexting.Core.Assessment;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Assessment;

public sealed class ReferralAssessorTests
{
    private static readonly AssessmentOptions Options = new();

    private static ReferralAssessment Assess(Action<JsonObject>? change = null, IReadOnlyList<EarlierReferral>? earlier = null, AssessmentOptions? options = null) =>
        ReferralAssessor.Assess(TestReferrals.Parse(change), earlier ?? [], options ?? Options);

    [Fact]
    public void Assess_NoFactors_EducationRouteWithOutcome21()
    {
        var result = Assess();

        Assert.Empty(result.AggravatingFactors);
        Assert.Empty(result.SafeguardingConcerns);
        Assert.Equal(Route.EducationAndIntervention, result.Route); // §1.2.3
        Assert.Equal(new ProposedOutcome("Outcome 21", "Outcome 27"), result.ProposedOutcome); // §3.4.1, §3.4.2
    }

    [Fact]
    public void Assess_Dorset_LocalOutcomeIsOutcome21()
    {
        var result = Assess(j => j["forceArea"] = "Dorset");

        Assert.Equal(new ProposedOutcome("Outcome 21", "Outcome 21"), result.ProposedOutcome); // §3.4.2
    }

    [Theory]
    [InlineData("coercionOrBlackmail", AggravatingFactorCode.CoercionOrBlackmail)]
    [InlineData("grooming", AggravatingFactorCode.Grooming)]
    [InlineData("exploitation", AggravatingFactorCode.Exploitation)]
    [InlineData("profitMotive", AggravatingFactorCode.ProfitMotive)]
    [InlineData("intentToHarmOrViolence", AggravatingFactorCode.IntentToHarmOrViolence)]
    [InlineData("repeatBehaviour", AggravatingFactorCode.RepeatOffending)]
    [InlineData("significantAgeImbalance", AggravatingFactorCode.SignificantAgeImbalance)]
    public void Assess_TickedFactor_InvestigationWithThatFactor(string concern, AggravatingFactorCode code)
    {
        var result = Assess(j => j["concerns"]![concern] = true); // §3.5.2, ticked at reporting (§3.2.2)

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal(code, factor.Code);
        Assert.Equal("3.5.2", factor.PolicyRef);
        Assert.Equal("Reported by the setting", factor.Reason);
        Assert.Equal(Route.Investigation, result.Route); // §1.2.2
        Assert.Null(result.ProposedOutcome);
    }

    [Fact]
    public void Assess_AdultInList_AdultInvolved()
    {
        var result = Assess(j => j["adultsInvolved"] = new JsonArray(new JsonObject { ["description"] = "A 24-year-old man" }));

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal(AggravatingFactorCode.AdultInvolved, factor.Code); // §3.5.2 "Adult involved as perpetrators"
        Assert.Equal("1 adult was reported as involved", factor.Reason);
        Assert.Equal(Route.Investigation, result.Route);
    }

    [Theory]
    [InlineData("2008-11-20", true, "§3.5.2 / §1.2.1 18th birthday on discoveredOn: adult")]
    [InlineData("2008-11-21", false, "§1.2.1 18th birthday the day after discoveredOn: still a young person")]
    public void Assess_YoungPersonAgedEighteen_AdultInvolved(string dateOfBirth, bool expected, string because)
    {
        var result = Assess(j => TestReferrals.People(j, dateOfBirth, "2008-12-01"));

        Assert.True(expected == result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.AdultInvolved), because);
        if (expected)
        {
            Assert.Equal("YP1 was 18 on 2026-11-20", result.AggravatingFactors.Single(f => f.Code == AggravatingFactorCode.AdultInvolved).Reason);
        }
    }

    [Theory]
    [InlineData("2013-11-21", true, "YP1 was 12 on 2026-11-20", "§3.5.2 13th birthday the day after discoveredOn: under 13")]
    [InlineData("2013-11-20", false, null, "§3.5.2 13th birthday on discoveredOn: not under 13")]
    public void Assess_UnderThirteenBoundary_Expected(string dateOfBirth, bool expected, string? reason, string because)
    {
        var result = Assess(j => TestReferrals.People(j, dateOfBirth, "2013-06-01"));

        var factor = result.AggravatingFactors.SingleOrDefault(f => f.Code == AggravatingFactorCode.UnderThirteen);
        Assert.True(expected == (factor is not null), because);
        Assert.Equal(reason, factor?.Reason);
    }

    [Theory]
    [InlineData("2012-02-29", "2025-02-28", true, "§3.5.2 born 29 Feb, 28 Feb of a non-leap year: still 12")]
    [InlineData("2012-02-29", "2025-03-01", false, "§3.5.2 born 29 Feb, 1 Mar of a non-leap year: 13")]
    public void Assess_LeapDayBirthday_UnderThirteenCountedRight(string dateOfBirth, string discoveredOn, bool expected, string because)
    {
        var result = Assess(j =>
        {
            j["incident"]!["discoveredOn"] = discoveredOn;
            TestReferrals.People(j, dateOfBirth);
        });

        Assert.True(expected == result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.UnderThirteen), because);
    }

    [Theory]
    [InlineData("2010-05-01", "2013-05-01", true, "§3.5.2 gap exactly 3 whole years: significant")]
    [InlineData("2010-05-01", "2013-04-30", false, "§3.5.2 gap one day short of 3 years: not significant")]
    [InlineData("2011-05-01", "2012-05-01", false, "§3.5.2 gap of 1 year")]
    public void Assess_AgeGapThreshold_Expected(string older, string younger, bool expected, string because)
    {
        var result = Assess(j => TestReferrals.People(j, older, younger));

        var factor = result.AggravatingFactors.SingleOrDefault(f => f.Code == AggravatingFactorCode.SignificantAgeImbalance);
        Assert.True(expected == (factor is not null), because);
        if (expected)
        {
            Assert.Equal("YP1 and YP2 are 3 years apart in age (threshold 3)", factor!.Reason);
        }
    }

    [Fact]
    public void Assess_AgeGapOption_ThresholdConfigurable()
    {
        var result = Assess(j => TestReferrals.People(j, "2011-05-01", "2013-05-01"), options: new AssessmentOptions { SignificantAgeGapYears = 2 });

        Assert.Contains(result.AggravatingFactors, f => f.Code == AggravatingFactorCode.SignificantAgeImbalance);
    }

    [Fact]
    public void Assess_PersonInEarlierReferral_RepeatOffending()
    {
        // §3.4.6, §3.5.2: same name ignoring case and spaces, same date of birth, same force.
        var earlier = new EarlierReferral(PersonIdentity.KeyOf("  alex   EXAMPLE ", new DateOnly(2011, 5, 1)), "aa", "DC-2026-000003");

        var result = Assess(earlier: [earlier]);

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal(AggravatingFactorCode.RepeatOffending, factor.Code);
        Assert.Equal("YP1 is named in earlier referral DC-2026-000003", factor.Reason);
    }

    [Fact]
    public void Assess_EarlierReferralOtherDateOfBirth_NoFactor()
    {
        var earlier = new EarlierReferral(PersonIdentity.KeyOf("Alex Example", new DateOnly(2011, 5, 2)), "aa", "DC-2026-000003");

        Assert.Empty(Assess(earlier: [earlier]).AggravatingFactors);
    }

    [Fact]
    public void Assess_TickedAndDerived_OneFactorWithBothReasons()
    {
        var result = Assess(j =>
        {
            TestReferrals.People(j, "2010-05-01", "2013-05-01");
            j["concerns"]!["significantAgeImbalance"] = true;
        });

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal("YP1 and YP2 are 3 years apart in age (threshold 3); Reported by the setting", factor.Reason);
    }

    [Fact]
    public void Assess_ManyFactors_InPolicyOrder()
    {
        var result = Assess(j =>
        {
            j["concerns"]!["exploitation"] = true;
            j["concerns"]!["grooming"] = true;
            j["adultsInvolved"] = new JsonArray(new JsonObject { ["name"] = "An adult" });
        });

        Assert.Equal(
            [AggravatingFactorCode.AdultInvolved, AggravatingFactorCode.Grooming, AggravatingFactorCode.Exploitation],
            result.AggravatingFactors.Select(f => f.Code));
    }

    [Fact]
    public void Assess_SafeguardingConcerns_AlertButRouteUnchanged()
    {
        var result = Assess(j =>
        {
            j["concerns"]!["immediateRiskOfHarm"] = true;
            j["concerns"]!["vulnerabilityNotes"] = "Known to children's services.";
        });

        // §3.2.2: concerns call for safeguarding; on their own they do not change the route (contract §3).
        Assert.Equal([SafeguardingConcernCode.ImmediateRiskOfHarm, SafeguardingConcernCode.Vulnerability], result.SafeguardingConcerns.Select(c => c.Code));
        Assert.Equal(Route.EducationAndIntervention, result.Route);
        Assert.DoesNotContain(result.SafeguardingConcerns, c => c.Reason.Contains("children's services", StringComparison.Ordinal));
    }

    [Fact]
    public void Assess_BlankVulnerabilityNotes_NoConcern()
    {
        Assert.Empty(Assess(j => j["concerns"]!["vulnerabilityNotes"] = "   ").SafeguardingConcerns);
    }
}
