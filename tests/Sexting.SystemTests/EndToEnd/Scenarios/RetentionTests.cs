using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §12 with short settings, on the local host: a closed case and an unconfirmed referral are
/// deleted by the retention timer, their orchestration's history purged, a tombstone left that keeps
/// the monitoring figures, and the deleted case's people stop counting for repeat offending.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class RetentionTests(RetentionHost host) : IClassFixture<RetentionHost>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    private DurableHistory History => new(host.Azurite.ConnectionString, host.TaskHub);

    [Fact]
    public async Task ClosedCase_AfterClosedCaseAfter_DeletedWithItsHistoryAndStopsCountingForRepeatOffending()
    {
        var api = host.Api;
        var first = SampleReferral.Create(); // YP1 is the Sender
        var submission = await api.SubmitAcceptedAsync(first);
        var id = submission.ReferralId;
        await api.ConfirmReporterAsync(id);
        var request = await host.Outbox.WaitForOneAsync(id, "AuthorisationRequest");
        Assert.Equal(HttpStatusCode.OK, (await api.DecideAsync(request.Link, "authorise", "DI Example Manager", "First incident.")).Status);
        await FanOut.WaitAsync(api, host.Outbox, id);

        // While the case is held, YP1 sending again is repeat offending (§3.4.6): the probe shows the index counts it.
        var probe = await api.SubmitAcceptedAsync(Again(first));
        Assert.Contains("RepeatOffending", CaseJson.FactorCodes(await api.WaitForEventAsync(probe.ReferralId, "Assessed")));

        var youth = Assert.Single(host.Outbox.For(id, "YouthTeamNotification"));
        Assert.Equal(HttpStatusCode.OK, (await api.ConfirmEducationAsync(youth.Link, "PC Example Officer", "Session delivered.", delivered: "YP1")).Status);
        await api.WaitForStatusAsync(id, "Closed");
        Assert.NotEqual((0, 0), await History.RowsOfAsync(id));

        await api.WaitForGoneAsync(id);

        Assert.Equal(HttpStatusCode.NotFound, (await api.ReadAsync(id)).Status);
        await WaitForPurgedAsync(id);
        await AssertOnlyTombstoneAsync(id);
        Assert.Empty(await RowsAsync("Links", id));
        Assert.DoesNotContain(await AllAsync("People"), row => row.ContainsKey("R" + id));
        var summary = await api.GetSummaryAsync(Today, Today);
        Assert.Equal(1, summary.GetProperty("byStatus").GetProperty("Closed").GetInt32());
        Assert.True(summary.GetProperty("intakeToAuthorisation").GetProperty("count").GetInt32() >= 1);

        // Contract §12: its people no longer count.
        var after = await api.SubmitAcceptedAsync(Again(first));
        var assessed = await api.WaitForEventAsync(after.ReferralId, "Assessed");
        Assert.DoesNotContain("RepeatOffending", CaseJson.FactorCodes(assessed));
        Assert.Equal("EducationAndIntervention", CaseJson.Route(assessed));

        // The deletion's log lines name ids and crime references only (contract §12, logs).
        var log = await File.ReadAllTextAsync(host.Host.LogPath);
        Assert.Contains("deleted under retention", log, StringComparison.Ordinal);
        foreach (var personal in new[] { first["youngPeople"]![0]!["name"]!.GetValue<string>(), first["youngPeople"]![1]!["parentCarer"]!["name"]!.GetValue<string>(), "alex@pupil.example", "dsl@exevalley.example", "Exe Valley", "Jo Bloggs", "Session delivered." })
        {
            Assert.False(log.Contains(personal, StringComparison.OrdinalIgnoreCase), $"'{personal}' is in the host's log");
        }
    }

    [Fact]
    public async Task UnconfirmedReferral_AfterUnconfirmedAfter_DeletedWithItsHistoryAndStillCounted()
    {
        var api = host.Api;
        var submission = await api.SubmitAcceptedAsync(SampleReferral.Create("Dorset"));
        var id = submission.ReferralId;
        await api.WaitForStatusAsync(id, "Unconfirmed", TimeSpan.FromSeconds(60));

        await api.WaitForGoneAsync(id);

        await WaitForPurgedAsync(id);
        await AssertOnlyTombstoneAsync(id);
        Assert.Empty(await RowsAsync("Links", id));
        var summary = await api.GetSummaryAsync(Today, Today);
        Assert.True(summary.GetProperty("byStatus").GetProperty("Unconfirmed").GetInt32() >= 1);
        Assert.True(summary.GetProperty("byForce").GetProperty("Dorset").GetInt32() >= 1);
    }

    // The store deletes the case after the purge; wait for the purge's rows to be gone too.
    private async Task WaitForPurgedAsync(string id)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (await History.RowsOfAsync(id) is var rows && rows != (0, 0))
        {
            Assert.True(clock.Elapsed < Waits.Default, $"The durable history of {id} is still there: {rows}.\nHost log:\n{host.Host.Tail()}");
            await Task.Delay(Waits.PollInterval);
        }
    }

    private async Task AssertOnlyTombstoneAsync(string id)
    {
        var rows = await RowsAsync("Cases", id);
        var tombstone = Assert.Single(rows);
        Assert.Equal("tombstone", tombstone.RowKey);
        Assert.DoesNotContain(tombstone.Keys, k => k.StartsWith("DataKey", StringComparison.Ordinal));
        var text = JsonSerializer.Serialize(tombstone.ToDictionary(p => p.Key, p => p.Value?.ToString()));
        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Alex", text, StringComparison.OrdinalIgnoreCase);
    }

    private async Task<List<TableEntity>> RowsAsync(string table, string partition) =>
        [.. (await AllAsync(table)).Where(r => r.PartitionKey == partition)];

    private async Task<List<TableEntity>> AllAsync(string table)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in new TableClient(host.Azurite.ConnectionString, table).QueryAsync<TableEntity>())
        {
            rows.Add(row);
        }

        return rows;
    }

    // The same young people in a new submission; YP1 now the Creator.
    private static System.Text.Json.Nodes.JsonObject Again(System.Text.Json.Nodes.JsonObject first)
    {
        var again = first.DeepClone().AsObject();
        again["submissionId"] = Guid.NewGuid().ToString();
        again["youngPeople"]![0]!["role"] = "Creator";
        return again;
    }
}
