using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Assessment;
using Route = Sexting.Core.Assessment.Route;
using Sexting.Core.Cases;
using Sexting.Core.Referrals;
using Sexting.Functions.Reports;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// §2.3.1, docs/monitoring.md: the report's figures on a known set of cases stored in Azurite,
/// through the HTTP function, as JSON and as CSV.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SummaryReportHttpTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 20, 12, 0, 0, TimeSpan.Zero);

    private AppHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = AppHost.Create(azurite, Now);
        var investigation = new ReferralAssessment(
            [new AggravatingFactor(AggravatingFactorCode.UnderThirteen, "YP2 was 12", "3.5.2"), new AggravatingFactor(AggravatingFactorCode.AdultInvolved, "An adult", "3.5.2")],
            [], Route.Investigation, null);
        static DateTimeOffset Nov(int day, int hour, int minute = 0) => new(2026, 11, day, hour, minute, 0, TimeSpan.Zero);

        // Closed: authorised after 2 h, delivered 10 days after.
        await _host.CaseAsync(Nov(2, 9), CaseStatus.Closed, ForceArea.DevonAndCornwall, AppHost.Outcome21, TimeSpan.FromHours(2), Nov(2, 11) + TimeSpan.FromDays(28), TimeSpan.FromDays(10));
        // In education, authorised after 4 h, due 1 December: past due on 20 December.
        await _host.CaseAsync(Nov(3, 9), CaseStatus.EducationAndIntervention, ForceArea.DevonAndCornwall, AppHost.Outcome21, TimeSpan.FromHours(4), Nov(3, 13) + TimeSpan.FromDays(28));
        // Closed (Dorset): authorised after 6 h, delivered 20 days after.
        await _host.CaseAsync(Nov(4, 9), CaseStatus.Closed, ForceArea.Dorset, AppHost.Outcome21, TimeSpan.FromHours(6), Nov(4, 15) + TimeSpan.FromDays(28), TimeSpan.FromDays(20));
        // Investigation (Dorset) with two factors.
        await _host.CaseAsync(Nov(5, 9), CaseStatus.ReferredForInvestigation, ForceArea.Dorset, investigation);
        // Awaiting authorisation.
        await _host.CaseAsync(Nov(6, 9), CaseStatus.AwaitingAuthorisation, ForceArea.DevonAndCornwall, AppHost.Outcome21);
        // Received at 23:30 on the last day (GMT): in the period; not yet assessed.
        await _host.CaseAsync(Nov(30, 23, 30), CaseStatus.Received);
        // Outside the period on either side.
        await _host.CaseAsync(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), CaseStatus.Received);
        await _host.CaseAsync(new DateTimeOffset(2026, 10, 31, 23, 59, 0, TimeSpan.Zero), CaseStatus.Received);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private Task<(int Status, string? ContentType, string Body)> GetAsync(string accept) =>
        AppHost.MachineGetAsync(
            r =>
            {
                r.QueryString = new QueryString("?from=2026-11-01&to=2026-11-30");
                r.Headers.Accept = accept;
            },
            r => _host.Create<SummaryReportHttp>().RunAsync(r, default));

    [Fact]
    public async Task RunAsync_Json_FiguresOfTheKnownCases()
    {
        var (status, contentType, body) = await GetAsync("application/json");

        Assert.Equal(200, status);
        Assert.StartsWith("application/json", contentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(body);
        var r = json.RootElement;
        Assert.Equal(6, r.GetProperty("totalCases").GetInt32());
        Assert.Equal(Now, r.GetProperty("generatedAt").GetDateTimeOffset());
        Assert.Equal(4, r.GetProperty("byForce").GetProperty("DevonAndCornwall").GetInt32());
        Assert.Equal(2, r.GetProperty("byForce").GetProperty("Dorset").GetInt32());
        var byStatus = r.GetProperty("byStatus");
        Assert.Equal(1, byStatus.GetProperty("Received").GetInt32());
        Assert.Equal(1, byStatus.GetProperty("AwaitingAuthorisation").GetInt32());
        Assert.Equal(1, byStatus.GetProperty("EducationAndIntervention").GetInt32());
        Assert.Equal(2, byStatus.GetProperty("Closed").GetInt32());
        Assert.Equal(1, byStatus.GetProperty("ReferredForInvestigation").GetInt32());
        Assert.Equal(4, r.GetProperty("byRoute").GetProperty("EducationAndIntervention").GetInt32());
        Assert.Equal(1, r.GetProperty("byRoute").GetProperty("Investigation").GetInt32());
        var factors = r.GetProperty("byAggravatingFactor");
        Assert.Equal(12, factors.EnumerateObject().Count()); // contract v2: the nine of §3.5.2 and three from UKCIS / "not exhaustive"
        Assert.Equal(0, factors.GetProperty("CapacityToConsent").GetInt32());
        Assert.Equal(1, factors.GetProperty("UnderThirteen").GetInt32());
        Assert.Equal(1, factors.GetProperty("AdultInvolved").GetInt32());
        Assert.Equal(0, factors.GetProperty("Grooming").GetInt32());

        // Nearest rank over 2 h, 4 h, 6 h: median the 2nd, 90th percentile the 3rd.
        var toAuthorisation = r.GetProperty("intakeToAuthorisation");
        Assert.Equal(3, toAuthorisation.GetProperty("count").GetInt32());
        Assert.Equal("04:00:00", toAuthorisation.GetProperty("median").GetString());
        Assert.Equal("06:00:00", toAuthorisation.GetProperty("percentile90").GetString());

        // Over 10 and 20 days: median the 1st, 90th percentile the 2nd.
        var toDelivery = r.GetProperty("authorisationToEducationDelivered");
        Assert.Equal(2, toDelivery.GetProperty("count").GetInt32());
        Assert.Equal("10.00:00:00", toDelivery.GetProperty("median").GetString());
        Assert.Equal("20.00:00:00", toDelivery.GetProperty("percentile90").GetString());

        Assert.Equal(1, r.GetProperty("pastDue").GetInt32());
        Assert.DoesNotContain("Alex", body, StringComparison.Ordinal);
        Assert.DoesNotContain("-2026-", body, StringComparison.Ordinal); // no crime reference
    }

    [Fact]
    public async Task RunAsync_Csv_SameFiguresAsRows()
    {
        var (status, contentType, body) = await GetAsync("text/csv");

        Assert.Equal(200, status);
        Assert.Equal("text/csv; charset=utf-8", contentType);
        var rows = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("figure,key,value", rows[0]);
        string[] expected =
        [
            "from,,2026-11-01",
            "to,,2026-11-30",
            "generatedAt,,2026-12-20T12:00:00Z",
            "totalCases,,6",
            "byForce,DevonAndCornwall,4",
            "byForce,Dorset,2",
            "byStatus,Received,1",
            "byStatus,AwaitingAuthorisation,1",
            "byStatus,EducationAndIntervention,1",
            "byStatus,Closed,2",
            "byStatus,ReferredForInvestigation,1",
            "byRoute,EducationAndIntervention,4",
            "byRoute,Investigation,1",
            "byAggravatingFactor,UnderThirteen,1",
            "byAggravatingFactor,AdultInvolved,1",
            "byAggravatingFactor,Grooming,0",
            "byAggravatingFactor,OtherAggravatingFactor,0",
            "intakeToAuthorisation,count,3",
            "intakeToAuthorisation,medianHours,4",
            "intakeToAuthorisation,percentile90Hours,6",
            "authorisationToEducationDelivered,count,2",
            "authorisationToEducationDelivered,medianHours,240",
            "authorisationToEducationDelivered,percentile90Hours,480",
            "pastDue,,1",
            // Contract §8 v2.
            "safeguardingAlerts,,0",
            "declines,,0",
            "consultations,,0",
            "returnsToOutcome21,,0",
            "unconfirmed,,0",
        ];
        foreach (var row in expected)
        {
            Assert.Contains(row, rows);
        }

        // Seven statuses since UnderInvestigation (contract §10); five v2 counts and one setting (contract §8 v2).
        var settings = rows.Where(r => r.StartsWith("bySetting,", StringComparison.Ordinal)).ToList();
        Assert.Equal(6, settings.Sum(r => int.Parse(r[(r.LastIndexOf(',') + 1)..], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(1 + 4 + 2 + 7 + 2 + 12 + 6 + 1 + 5 + settings.Count, rows.Length);
        Assert.Equal("pastDue,,1", rows[^(6 + settings.Count)]);
    }
}
