using Sexting.Core.Cases;
using Sexting.Core.Staff;

namespace Sexting.Core.Tests.Staff;

/// <summary>Contract §10 as a table: role × status → the actions the case page offers.</summary>
public sealed class CaseActionsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("Investigator", CaseStatus.ReferredForInvestigation, "AcceptInvestigation")]
    [InlineData("Investigator", CaseStatus.UnderInvestigation, "CloseInvestigation")]
    [InlineData("Investigator", CaseStatus.AwaitingAuthorisation, "")]
    [InlineData("Investigator", CaseStatus.Closed, "")]
    [InlineData("Supervisor", CaseStatus.ReferredForInvestigation, "ReturnToOutcome21")]
    [InlineData("Supervisor", CaseStatus.UnderInvestigation, "")]
    [InlineData("AuthorisingManager", CaseStatus.AwaitingAuthorisation, "DecideOutcome21")]
    [InlineData("AuthorisingManager", CaseStatus.ReferredForInvestigation, "")]
    [InlineData("AuthorisingManager", CaseStatus.EducationAndIntervention, "")]
    [InlineData("Investigator Supervisor", CaseStatus.ReferredForInvestigation, "AcceptInvestigation ReturnToOutcome21")]
    [InlineData("SafeguardingExpert", CaseStatus.AwaitingAuthorisation, "")] // §3.4.3: no consultation yet
    [InlineData("YouthOfficer", CaseStatus.ReferredForInvestigation, "")]
    [InlineData("Administrator", CaseStatus.AwaitingAuthorisation, "")]
    [InlineData("Prevention", CaseStatus.UnderInvestigation, "")]
    public void Available_RoleAndStatus_Section10(string roles, CaseStatus status, string expected)
    {
        var @case = Case(status);
        var actions = CaseActions.Available(@case, [], Person(roles + " Force.DevonAndCornwall"));
        Assert.Equal(Split(expected), actions.Select(a => a.ToString()));
    }

    // Contract §4.4, §11: returned to Outcome 21 before the reporter confirmed, the case waits for the confirmation.
    [Fact]
    public void Available_AwaitingAuthorisationReporterNotConfirmed_NoDecision()
    {
        var @case = Case(CaseStatus.AwaitingAuthorisation) with { Confirmation = new ReporterConfirmation(true, null) };

        Assert.DoesNotContain(StaffAction.DecideOutcome21, CaseActions.Available(@case, [], Person("AuthorisingManager Force.DevonAndCornwall")));
        Assert.Contains(StaffAction.DecideOutcome21, CaseActions.Available(
            @case with { Confirmation = new ReporterConfirmation(true, At) }, [], Person("AuthorisingManager Force.DevonAndCornwall")));
    }

    [Fact]
    public void Available_ExpertAfterAConsultation_RecordAdvice()
    {
        var timeline = new[] { new TimelineEntry(At, TimelineEvent.SafeguardingExpertConsulted, "Consulted", "k1") };
        Assert.Equal([StaffAction.RecordAdvice], CaseActions.Available(Case(CaseStatus.AwaitingAuthorisation), timeline, Person("SafeguardingExpert Force.DevonAndCornwall")));
        Assert.DoesNotContain(StaffAction.RecordAdvice, CaseActions.Available(Case(CaseStatus.AwaitingAuthorisation), timeline, Person("AuthorisingManager Force.DevonAndCornwall")));
    }

    [Theory]
    [InlineData("Investigator Force.Dorset", CaseStatus.ReferredForInvestigation)] // §9: another force's case
    [InlineData("Supervisor Force.Dorset", CaseStatus.ReferredForInvestigation)]
    [InlineData("AuthorisingManager Force.Dorset", CaseStatus.AwaitingAuthorisation)]
    [InlineData("Force.DevonAndCornwall", CaseStatus.AwaitingAuthorisation)] // a force role is not a role
    public void Available_WithoutTheCasesForceOrARole_Nothing(string roles, CaseStatus status) =>
        Assert.Empty(CaseActions.Available(Case(status), [], Person(roles)));

    [Fact]
    public void Available_NobodySignedIn_Nothing() =>
        Assert.Empty(CaseActions.Available(Case(CaseStatus.ReferredForInvestigation), [], null));

    private static string[] Split(string words) => words.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static CaseRecord Case(CaseStatus status) => TestCases.Received(At).Assessed() with { Status = status };

    private static StaffMember Person(string roles) =>
        new("u1", "A. Person", "a.person@police.example", Split(roles).ToHashSet());
}
