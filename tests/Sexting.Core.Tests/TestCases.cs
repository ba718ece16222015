using Sexting.Core.Assessment;
using Sexting.Core.Cases;
using Sexting.Core.Links;

namespace Sexting.Core.Tests;

/// <summary>Builds stored cases for tests.</summary>
internal static class TestCases
{
    public static CaseRecord Received(DateTimeOffset receivedAt, Action<System.Text.Json.Nodes.JsonObject>? change = null) =>
        new(ReferralIds.NewRandom(), "DC-2026-000001", CaseStatus.Received, receivedAt, TestReferrals.Parse(change), null, null, null, "v1");

    public static CaseRecord Assessed(this CaseRecord @case) =>
        @case with { Assessment = ReferralAssessor.Assess(@case.Referral, [], new AssessmentOptions(), Sexting.Core.Forces.ForceProfiles.BuiltIn) };

    public static CaseRecord Authorised(this CaseRecord @case, DateTimeOffset at, TimeSpan dueAfter) =>
        @case.Assessed().MoveTo(CaseStatus.AwaitingAuthorisation).MoveTo(CaseStatus.EducationAndIntervention) with
        {
            Outcome = new OutcomeRecord("Outcome 21", "Outcome 27", "M. Manager", at, "Proportionate."),
            Education = new EducationRecord(at + dueAfter, null, null, null),
        };

    public static CaseRecord Delivered(this CaseRecord @case, DateTimeOffset at) =>
        @case.MoveTo(CaseStatus.Closed) with { Education = @case.Education! with { DeliveredAt = at, DeliveredBy = "O. Officer" } };
}
