using System.Diagnostics;
using System.Net;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport.Mail;
using Sexting.TestSupport.Processes;
using Xunit.Abstractions;

namespace Sexting.SystemTests.Reliability.SystemLevel;

/// <summary>Issue 10, item 3: Azurite stopped during intake → 503 with Retry-After; after it is back the same submission completes to one case.</summary>
[Trait("Category", "Reliability")]
[Collection(SystemLevelCollection.Name)]
public sealed class StorageOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly AzuriteProcess _azurite = new(new AzuriteOptions { OnDisk = true });
    private readonly string _outbox = Directory.CreateTempSubdirectory("sexting-outbox-").FullName;
    private LocalHostProcess _host = null!;

    public async Task InitializeAsync()
    {
        await _azurite.StartAsync();
        _host = ReliabilityHost.Create(_azurite.ConnectionString, new Dictionary<string, string?> { ["Email:Mode"] = "Outbox", ["Email:OutboxPath"] = _outbox });
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _azurite.DisposeAsync();
        Directory.Delete(_outbox, recursive: true);
    }

    [Fact]
    public async Task SubmitReferral_AzuriteDownThenBack_503RetryAfterThenOneCase()
    {
        using var http = _host.CreateClient();
        var warm = await Workflow.SubmitAsync(http, Workflow.Referral(Guid.NewGuid(), 1));
        Assert.Equal(HttpStatusCode.Accepted, warm.Status);
        var submission = Guid.NewGuid();
        var json = Workflow.Referral(submission, 2);

        await _azurite.StopAsync();
        var watch = Stopwatch.StartNew();
        var down = await Workflow.SubmitAsync(http, json);
        output.WriteLine($"answer with storage down: {(int)down.Status} after {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.Status);
        Assert.True(down.Response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "Retry-After");
        Assert.StartsWith("application/problem+json", down.Response.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);

        await _azurite.StartAsync();
        watch.Restart();
        (HttpStatusCode Status, string? ReferralId, string? CrimeReference, HttpResponseMessage Response) again;
        var attempts = 0;
        do
        {
            attempts++;
            again = await Workflow.SubmitAsync(http, json);
            if (again.Status == HttpStatusCode.ServiceUnavailable)
            {
                await Task.Delay(again.Response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
            }
        }
        while (again.Status == HttpStatusCode.ServiceUnavailable && watch.Elapsed < TimeSpan.FromSeconds(90));
        output.WriteLine($"after restart: {(int)again.Status} at attempt {attempts}, {watch.Elapsed.TotalSeconds:0.0} s");

        Assert.True(again.Status is HttpStatusCode.Accepted or HttpStatusCode.OK, again.Status.ToString());
        var third = await Workflow.SubmitAsync(http, json);
        Assert.Equal(HttpStatusCode.OK, third.Status);
        Assert.Equal(again.ReferralId, third.ReferralId);
        Assert.Equal(again.CrimeReference, third.CrimeReference);
        Assert.NotEqual(warm.CrimeReference, again.CrimeReference);
        await Workflow.ConfirmReportersAsync(http, [again.ReferralId!, warm.ReferralId!],
            id => new Outbox(_outbox).For(id, "IntakeAcknowledgement").FirstOrDefault()?.Text,
            TimeSpan.FromSeconds(120));
        await Workflow.WaitForStatusAsync(http, [again.ReferralId!, warm.ReferralId!], "AwaitingAuthorisation", TimeSpan.FromSeconds(120));
        var timeline = (await Workflow.CaseAsync(http, again.ReferralId!))["timeline"]!.AsArray();
        Assert.Equal(1, timeline.Count(e => (string?)e!["event"] == "CrimeRecorded"));
        Assert.Equal("", Workflow.Leaks(_host.Log, Workflow.Forbidden([submission])));
    }
}
