using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Cases;
using Sexting.Functions.Reports;
using Sexting.Functions.Tests.Http;

namespace Sexting.Functions.Tests.Reports;

public sealed class SummaryReportHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<HttpHarness.Response> GetAsync(string query, string? accept = null)
    {
        var request = HttpHarness.WithKey(HttpHarness.Request("GET", accept: accept));
        request.QueryString = new QueryString(query);
        return await HttpHarness.ExecuteAsync(await _h.Create<SummaryReportHttp>().RunAsync(request, default), request);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?from=2026-11-01")]
    [InlineData("?from=2026-11-30&to=2026-11-01")]
    [InlineData("?from=1999-12-01&to=2026-06-01")] // contract §8: a date outside 2000–2100
    [InlineData("?from=2026-11-01&to=9999-12-31")]
    [InlineData("?from=yesterday&to=2026-11-01")]
    public async Task RunAsync_BadPeriod_Returns400ProblemDetails(string query)
    {
        var response = await GetAsync(query);

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(JsonValueKind.Object, json.RootElement.GetProperty("errors").ValueKind);
    }

    [Fact]
    public async Task RunAsync_NoAccept_ReturnsCamelCaseJsonWithEveryKey()
    {
        await _h.CaseAsync(CaseStatus.AwaitingAuthorisation); // received 2026-11-28

        var response = await GetAsync("?from=2026-11-01&to=2026-11-30");

        Assert.Equal(200, response.Status);
        Assert.StartsWith("application/json", response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Body);
        var root = json.RootElement;
        Assert.Equal("2026-11-01", root.GetProperty("from").GetString());
        Assert.Equal("2026-11-30", root.GetProperty("to").GetString());
        Assert.Equal(1, root.GetProperty("totalCases").GetInt32());
        Assert.Equal(1, root.GetProperty("byForce").GetProperty("DevonAndCornwall").GetInt32());
        Assert.Equal(0, root.GetProperty("byForce").GetProperty("Dorset").GetInt32());
        Assert.Equal(1, root.GetProperty("byStatus").GetProperty("AwaitingAuthorisation").GetInt32());
        Assert.Equal(0, root.GetProperty("byAggravatingFactor").GetProperty("UnderThirteen").GetInt32());
        Assert.Equal(0, root.GetProperty("intakeToAuthorisation").GetProperty("count").GetInt32());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("intakeToAuthorisation").GetProperty("median").ValueKind);
        Assert.Equal(0, root.GetProperty("pastDue").GetInt32());
        // Contract §8 v2.
        foreach (var count in new[] { "safeguardingAlerts", "declines", "consultations", "returnsToOutcome21", "unconfirmed" })
        {
            Assert.Equal(0, root.GetProperty(count).GetInt32());
        }

        Assert.Equal(1, root.GetProperty("bySetting").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.DoesNotContain("Alex", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_CaseOutsidePeriod_NotCounted()
    {
        await _h.CaseAsync(); // received 2026-11-28

        var response = await GetAsync("?from=2026-11-29&to=2026-12-31");

        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(0, json.RootElement.GetProperty("totalCases").GetInt32());
    }

    [Fact]
    public async Task RunAsync_AcceptCsv_ReturnsFigureKeyValueRows()
    {
        await _h.CaseAsync(CaseStatus.AwaitingAuthorisation);

        var response = await GetAsync("?from=2026-11-01&to=2026-11-30", "text/csv");

        Assert.Equal(200, response.Status);
        Assert.Equal("text/csv; charset=utf-8", response.ContentType);
        var lines = response.Body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("figure,key,value", lines[0]);
        Assert.Contains("totalCases,,1", lines);
        Assert.Contains("byStatus,AwaitingAuthorisation,1", lines);
        Assert.Contains("byStatus,Closed,0", lines);
        Assert.Contains("intakeToAuthorisation,medianHours,", lines);
        Assert.Contains("declines,,0", lines);
        Assert.Contains("returnsToOutcome21,,0", lines);
        Assert.Single(lines, l => l.StartsWith("bySetting,", StringComparison.Ordinal) && l.EndsWith(",1", StringComparison.Ordinal));
        Assert.All(lines, l => Assert.Equal(2, l.Count(c => c == ',')));
    }

    [Fact]
    public void Csv_SettingNames_QuotedAndFormulaeDisarmed()
    {
        var report = Sexting.Core.Monitoring.SummaryReport.Build([], new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), DateTimeOffset.UnixEpoch) with
        {
            BySetting = new Dictionary<string, int> { ["=HYPERLINK(\"https://evil.example\")"] = 1, ["Oak, Ash and Elm \"Federation\""] = 2, ["Plain School"] = 3 },
        };

        var lines = SummaryReportCsv.Write(report).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("bySetting,\"'=HYPERLINK(\"\"https://evil.example\"\")\",1", lines);
        Assert.Contains("bySetting,\"Oak, Ash and Elm \"\"Federation\"\"\",2", lines);
        Assert.Contains("bySetting,Plain School,3", lines);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("application/json", false)]
    [InlineData("*/*", false)]
    [InlineData("text/csv", true)]
    [InlineData("text/csv; charset=utf-8", true)]
    [InlineData("application/json, text/csv", true)]
    [InlineData("application/json;q=0.9, text/csv;q=0.5", false)]
    [InlineData("text/csv;q=0", false)]
    [InlineData("text/html, text/csv;q=0.8", true)]
    public void WantsCsv_Accept_ChoosesCsvOnlyWhenPreferred(string? accept, bool csv)
    {
        Assert.Equal(csv, SummaryReportHttp.WantsCsv(HttpHarness.Request("GET", accept: accept)));
    }
}
