using System.Text.Json.Nodes;
using Sexting.Core.Monitoring;

namespace Sexting.Core.Tests.Monitoring;

public sealed class SummaryReportTests
{
    private static readonly DateTimeOffset Day1 = new(2026, 10, 1, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_KnownCases_ExpectedFigures()
    {
        var dueAfter = TimeSpan.FromDays(28);
        var cases = new[]
        {
            // Authorised after 2 h, delivered 10 days later.
            TestCases.Received(Day1).Authorised(Day1.AddHours(2), dueAfter).Delivered(Day1.AddHours(2).AddDays(10)),
            // Authorised after 4 h, not delivered, past due at "now".
            TestCases.Received(Day1).Authorised(Day1.AddHours(4), dueAfter),
            // Authorised after 30 h, delivered 20 days later.
            TestCases.Received(Day1).Authorised(Day1.AddHours(30), dueAfter).Delivered(Day1.AddHours(30).AddDays(20)),
            // Investigation (grooming), Dorset.
            TestCases.Received(Day1, j => { j["forceArea"] = "Dorset"; j["concerns"]!["grooming"] = true; }).Assessed()
                .MoveTo(Sexting.Core.Cases.CaseStatus.ReferredForInvestigation),
            // Just received.
            TestCases.Received(Day1),
        };
        var now = Day1.AddDays(60);

        var report = SummaryReport.Build(cases.Select(CaseFigures.Of), new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), now);

        Assert.Equal(5, report.TotalCases);
        Assert.Equal(4, report.ByForce["DevonAndCornwall"]);
        Assert.Equal(1, report.ByForce["Dorset"]);
        Assert.Equal(2, report.ByStatus["Closed"]);
        Assert.Equal(1, report.ByStatus["EducationAndIntervention"]);
        Assert.Equal(1, report.ByStatus["ReferredForInvestigation"]);
        Assert.Equal(1, report.ByStatus["Received"]);
        Assert.Equal(0, report.ByStatus["AwaitingAuthorisation"]);
        Assert.Equal(3, report.ByRoute["EducationAndIntervention"]);
        Assert.Equal(1, report.ByRoute["Investigation"]);
        Assert.Equal(1, report.ByAggravatingFactor["Grooming"]);
        Assert.Equal(0, report.ByAggravatingFactor["Exploitation"]);
        Assert.Equal(new DurationFigures(3, TimeSpan.FromHours(4), TimeSpan.FromHours(30)), report.IntakeToAuthorisation);
        Assert.Equal(new DurationFigures(2, TimeSpan.FromDays(10), TimeSpan.FromDays(20)), report.AuthorisationToEducationDelivered);
        Assert.Equal(1, report.PastDue);
    }

    [Fact]
    public void Build_V2Counts_FromTheCountedEventsStatusAndSetting()
    {
        var confirmedAlert = CaseFigures.Of(TestCases.Received(Day1))
            .WithEvents([Sexting.Core.Cases.TimelineEvent.SafeguardingAlertSent, Sexting.Core.Cases.TimelineEvent.SafeguardingExpertConsulted,
                Sexting.Core.Cases.TimelineEvent.SafeguardingExpertConsulted, Sexting.Core.Cases.TimelineEvent.Declined, Sexting.Core.Cases.TimelineEvent.AdviceSent]);
        var returned = CaseFigures.Of(TestCases.Received(Day1)).WithEvents([Sexting.Core.Cases.TimelineEvent.ReturnedToOutcome21]) with { Setting = "Another School" };
        var unconfirmed = CaseFigures.Of(TestCases.Received(Day1).MoveTo(Sexting.Core.Cases.CaseStatus.Unconfirmed));

        var report = SummaryReport.Build([confirmedAlert, returned, unconfirmed], new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Day1);

        Assert.Equal((1, 1, 2, 1, 1), (report.SafeguardingAlerts, report.Declines, report.Consultations, report.ReturnsToOutcome21, report.Unconfirmed));
        var setting = Assert.Single(report.BySetting, s => s.Key != "Another School");
        Assert.Equal(2, setting.Value);
        Assert.Equal(1, report.BySetting["Another School"]);
    }

    [Theory]
    [InlineData("Exe Valley Academy", "123456", "URN 123456")]
    [InlineData("  Exe   Valley\tAcademy ", null, "Exe Valley Academy")]
    [InlineData("Exe Valley Academy", " ", "Exe Valley Academy")]
    public void SettingKeyOf_UrnElseTheNameTidied(string name, string? urn, string expected)
    {
        Assert.Equal(expected, CaseFigures.SettingKeyOf(new Sexting.Core.Referrals.Setting(name, urn, null)));
    }

    [Fact]
    public void Build_NoCases_ZerosAndNoDurations()
    {
        var report = SummaryReport.Build(Array.Empty<CaseFigures>(), new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 31), Day1);

        Assert.Equal(0, report.TotalCases);
        Assert.All(report.ByStatus.Values, v => Assert.Equal(0, v));
        Assert.Equal(new DurationFigures(0, null, null), report.IntakeToAuthorisation);
    }

    [Theory]
    [InlineData(new[] { 1 }, 1, 1)]
    [InlineData(new[] { 1, 2 }, 1, 2)]
    [InlineData(new[] { 5, 1, 4, 2, 3 }, 3, 5)]
    [InlineData(new[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 5, 9)]
    public void DurationFigures_NearestRank_Expected(int[] hours, int median, int p90)
    {
        var figures = DurationFigures.Of(hours.Select(h => TimeSpan.FromHours(h)));

        Assert.Equal(TimeSpan.FromHours(median), figures.Median);
        Assert.Equal(TimeSpan.FromHours(p90), figures.Percentile90);
    }

    [Fact]
    public void Build_Report_HasNoPersonalData()
    {
        var report = SummaryReport.Build([CaseFigures.Of(TestCases.Received(Day1))], new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), Day1);

        var json = System.Text.Json.JsonSerializer.Serialize(report);
        Assert.DoesNotContain("Alex", json, StringComparison.Ordinal);
        Assert.DoesNotContain("Exe Valley", json, StringComparison.Ordinal);
        Assert.DoesNotContain("@", json, StringComparison.Ordinal);
    }
}
