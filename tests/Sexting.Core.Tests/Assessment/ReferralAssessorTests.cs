using System.Text.Json.Nodes;
using Sexting.Core.Assessment;
using Sexting.Core.Forces;
using Sexting.Core.Referrals;

namespace Sexting.Core.Tests.Assessment;

public sealed class ReferralAssessorTests
{
    private static readonly AssessmentOptions Options = new();

    private static ReferralAssessment Assess(Action<JsonObject>? change = null, IReadOnlyList<EarlierReferral>? earlier = null, AssessmentOptions? options = null) =>
        ReferralAssessor.Assess(TestReferrals.Parse(change), earlier ?? [], options ?? Options, ForceProfiles.BuiltIn);

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

        var found = result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.AdultInvolved);
        Assert.True(expected == found, $"{because}: expected AdultInvolved {expected}, got {found} ({Codes(result)})");
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
        Assert.True(expected == (factor is not null), $"{because}: expected UnderThirteen {expected}, got {Codes(result)}");
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

        var found = result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.UnderThirteen);
        Assert.True(expected == found, $"{because}: expected UnderThirteen {expected}, got {found} ({Codes(result)})");
    }

    [Theory]
    [InlineData("2010-05-01", "2013-05-01", true, "§3.5.2 gap exactly 3 whole years: significant")]
    [InlineData("2010-05-01", "2013-04-30", false, "§3.5.2 gap one day short of 3 years: not significant")]
    [InlineData("2011-05-01", "2012-05-01", false, "§3.5.2 gap of 1 year")]
    public void Assess_AgeGapThreshold_Expected(string older, string younger, bool expected, string because)
    {
        var result = Assess(j => TestReferrals.People(j, older, younger));

        var factor = result.AggravatingFactors.SingleOrDefault(f => f.Code == AggravatingFactorCode.SignificantAgeImbalance);
        Assert.True(expected == (factor is not null), $"{because}: expected SignificantAgeImbalance {expected}, got {Codes(result)}");
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
    public void Assess_SenderNamedAsSenderEarlier_RepeatOffending()
    {
        // §3.4.6, §3.5.2: same name ignoring case and spaces, same date of birth, same force.
        var earlier = Earlier("  alex   EXAMPLE ", YoungPersonRole.Sender);

        var result = Assess(earlier: [earlier]);

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal(AggravatingFactorCode.RepeatOffending, factor.Code);
        Assert.Equal("YP1 (Sender) was named as Sender in earlier referral DC-2026-000003", factor.Reason);
        Assert.Equal("3.5.2", factor.PolicyRef);
    }

    // Contract §3 (v2): RepeatOffending only when the young person has an offending role (Creator,
    // Sender) now AND had one in the earlier referral. Subject and Recipient are victims: never
    // repeat offenders, whatever the other referral says. Every pair of roles, then and now.
    public static TheoryData<YoungPersonRole, YoungPersonRole, bool> RolePairs()
    {
        var data = new TheoryData<YoungPersonRole, YoungPersonRole, bool>();
        foreach (var then in Enum.GetValues<YoungPersonRole>())
        {
            foreach (var now in Enum.GetValues<YoungPersonRole>())
            {
                var offending = then is YoungPersonRole.Creator or YoungPersonRole.Sender && now is YoungPersonRole.Creator or YoungPersonRole.Sender;
                data.Add(then, now, offending);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RolePairs))]
    public void Assess_RoleThenAndNow_RepeatOffendingOnlyForOffendingRolesBoth(YoungPersonRole then, YoungPersonRole now, bool expected)
    {
        var result = Assess(j => j["youngPeople"]![0]!["role"] = now.ToString(), [Earlier("Alex Example", then)]);

        Assert.Equal(expected, result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.RepeatOffending));
        Assert.Equal(expected ? Route.Investigation : Route.EducationAndIntervention, result.Route);
    }

    [Theory]
    [InlineData(YoungPersonRole.Subject, "§3.4.6: the child shown in the earlier imagery was its victim")]
    [InlineData(YoungPersonRole.Recipient, "§3.4.6: the child who received it earlier was not offending")]
    public void Assess_VictimEarlierCreatorNow_NoRepeatOffending(YoungPersonRole then, string because)
    {
        var result = Assess(j => j["youngPeople"]![0]!["role"] = "Creator", [Earlier("Alex Example", then)]);

        Assert.True(result.AggravatingFactors.All(f => f.Code != AggravatingFactorCode.RepeatOffending), $"{because}: got {Codes(result)}");
    }

    [Theory]
    [InlineData(ReferralStanding.Confirmed, true)]
    [InlineData(ReferralStanding.AwaitingConfirmation, false)]
    [InlineData(ReferralStanding.Unconfirmed, false)]
    [InlineData(ReferralStanding.Deleted, false)]
    public void Assess_EarlierReferralStanding_CountsOnlyWhenConfirmed(ReferralStanding standing, bool expected)
    {
        // Contract §3, §11, §12: an earlier referral counts only once its reporter confirmed it.
        var result = Assess(earlier: [Earlier("Alex Example", YoungPersonRole.Creator, standing)]);

        Assert.Equal(expected, result.AggravatingFactors.Any(f => f.Code == AggravatingFactorCode.RepeatOffending));
    }

    [Fact]
    public void Assess_EarlierReferralOtherDateOfBirth_NoFactor()
    {
        var earlier = new EarlierReferral(PersonIdentity.KeyOf("Alex Example", new DateOnly(2011, 5, 2)), "aa", "DC-2026-000003", YoungPersonRole.Sender, ReferralStanding.Confirmed);

        Assert.Empty(Assess(earlier: [earlier]).AggravatingFactors);
    }

    [Fact]
    public void Assess_TwoEarlierReferrals_OneReasonEach()
    {
        var result = Assess(earlier: [Earlier("Alex Example", YoungPersonRole.Creator, crimeReference: "DC-2026-000009"), Earlier("Alex Example", YoungPersonRole.Sender)]);

        Assert.Equal(
            "YP1 (Sender) was named as Sender in earlier referral DC-2026-000003; YP1 (Sender) was named as Creator in earlier referral DC-2026-000009",
            Assert.Single(result.AggravatingFactors).Reason);
    }

    // UKCIS 2024 initial review, taken in under §3.5.2 "not exhaustive" (contract §3).
    [Theory]
    [InlineData("capacityToConsent", AggravatingFactorCode.CapacityToConsent, "The setting reported concerns about a young person's capacity to consent")]
    [InlineData("atypicalOrViolentActs", AggravatingFactorCode.AtypicalOrViolentActs, "The setting reported sexual acts unusual for the young person's developmental stage, or violent acts")]
    public void Assess_UkcisQuestionTicked_InvestigationCitingUkcis(string concern, AggravatingFactorCode code, string reason)
    {
        var result = Assess(j => j["concerns"]![concern] = true);

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal((code, reason, "UKCIS 2024, initial review"), (factor.Code, factor.Reason, factor.PolicyRef));
        Assert.Equal(Route.Investigation, result.Route);
    }

    [Fact]
    public void Assess_OtherAggravatingFactor_ReasonIsTheTextGiven()
    {
        var result = Assess(j => j["concerns"]!["otherAggravatingFactor"] = "The image was used to humiliate YP2 in front of the class");

        var factor = Assert.Single(result.AggravatingFactors);
        Assert.Equal(AggravatingFactorCode.OtherAggravatingFactor, factor.Code);
        Assert.Equal("The image was used to humiliate YP2 in front of the class", factor.Reason); // §3.5.2 "not exhaustive"
        Assert.Equal("3.5.2", factor.PolicyRef);
        Assert.Equal(Route.Investigation, result.Route);
    }

    [Fact]
    public void Assess_ConfiguredForce_ItsLocalOutcome()
    {
        var kent = new ForceProfile(ForceArea.Of("Kent"), "Kent Police", "KT", "Outcome 21K", null, "Schools Officer", null, new Uri("https://www.kent.police.uk/"));
        var forces = new ForceProfiles([.. ForceProfiles.BuiltIn.All, kent]);
        var referral = new ReferralParser(TestReferrals.Clock(), forces).Parse(Changed(j => j["forceArea"] = "Kent")).Referral!;

        var result = ReferralAssessor.Assess(referral, [], Options, forces);

        Assert.Equal(new ProposedOutcome("Outcome 21", "Outcome 21K"), result.ProposedOutcome); // §3.4.2, contract §1
    }

    private static string Changed(Action<JsonObject> change)
    {
        var json = TestReferrals.ValidJson();
        change(json);
        return json.ToJsonString();
    }

    private static EarlierReferral Earlier(string name, YoungPersonRole role, ReferralStanding standing = ReferralStanding.Confirmed, string crimeReference = "DC-2026-000003") =>
        new(PersonIdentity.KeyOf(name, new DateOnly(2011, 5, 1)), "aa" + crimeReference, crimeReference, role, standing);

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

    /// <summary>The factors found, for a failure message that shows what was there.</summary>
    private static string Codes(ReferralAssessment result) =>
        result.AggravatingFactors.Count == 0 ? "no factors" : string.Join(", ", result.AggravatingFactors.Select(f => f.Code));
}
