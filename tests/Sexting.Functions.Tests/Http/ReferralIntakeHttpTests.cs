using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Sexting.Core.Links;
using Sexting.Core.Referrals;
using Sexting.Functions.Intake;
using Sexting.Functions.Tests.Fakes;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

public sealed class ReferralIntakeHttpTests : IDisposable
{
    private const string SubmissionId = "3f2b8c1e-5a8d-4c3e-9d7a-1b2c3d4e5f60";
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<HttpHarness.Response> PostAsync(HttpHarness h, string? contentType, string body, long? contentLength = -1)
    {
        var request = HttpHarness.Request("POST", contentType, body, contentLength);
        var result = await h.Create<ReferralIntakeHttp>().RunAsync(request, h.Client, default);
        return await HttpHarness.ExecuteAsync(result, request);
    }

    [Fact]
    public async Task RunAsync_ValidReferral_Returns202WithLocationAndSchedulesInstanceNamedByReferralId()
    {
        var response = await PostAsync(_h, "application/json; charset=utf-8", Fakes.Referrals.Json());

        Assert.Equal(202, response.Status);
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        Assert.Equal("/api/referrals/" + id, response.Headers.Location.ToString());
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(id, json.RootElement.GetProperty("referralId").GetString());
        Assert.Equal("DC-2026-000001", json.RootElement.GetProperty("crimeReference").GetString());
        Assert.Equal("Received", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("/api/referrals/" + id, json.RootElement.GetProperty("statusUrl").GetString());
        await _h.Client.Received(1).ScheduleNewOrchestrationInstanceAsync(
            nameof(ReferralOrchestration),
            Arg.Is<object?>(o => Is<ReferralOrchestrationInput>(o, i => i.ReferralId == id && i.Version == WorkflowVersions.Current && i.Contacts == null)), // contract §12: no mailbox in the input
            Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id),
            Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_SameSubmissionAgain_Returns200SameBodyAndSchedulesNothingNew()
    {
        var first = await PostAsync(_h, "application/json", Fakes.Referrals.Json());
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        _h.Client.GetInstanceAsync(id, false, Arg.Any<CancellationToken>())
            .Returns(new OrchestrationMetadata(nameof(ReferralOrchestration), id) { RuntimeStatus = OrchestrationRuntimeStatus.Running });

        var second = await PostAsync(_h, "application/json", Fakes.Referrals.Json());

        Assert.Equal(200, second.Status);
        Assert.Equal(first.Body, second.Body);
        Assert.Equal(first.Headers.Location.ToString(), second.Headers.Location.ToString());
        await _h.Client.Received(1).ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>());
    }

    // Contract §2, §12: the same submission after retention deleted its case: 410, nothing made again or started.
    [Fact]
    public async Task RunAsync_SameSubmissionAfterItsCaseWasDeleted_Returns410StartsNothing()
    {
        await PostAsync(_h, "application/json", Fakes.Referrals.Json());
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        await _h.Store.DeleteAsync(id, DateTimeOffset.UtcNow, default);
        _h.Client.ClearReceivedCalls();

        var again = await PostAsync(_h, "application/json", Fakes.Referrals.Json());

        Assert.Equal(410, again.Status);
        Assert.StartsWith("application/problem+json", again.ContentType, StringComparison.Ordinal);
        Assert.DoesNotContain("Jo", again.Body, StringComparison.Ordinal);
        Assert.Null(await _h.Store.GetAsync(id, default));
        await _h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default!, default, default, default);
    }

    [Fact]
    public async Task RunAsync_ScheduleFailedThenSameSubmission_503ThenResumesBySchedulingOnce()
    {
        _h.Client.ScheduleNewOrchestrationInstanceAsync(Arg.Any<TaskName>(), Arg.Any<object?>(), Arg.Any<StartOrchestrationOptions?>(), Arg.Any<CancellationToken>())
            .Returns(Task.FromException<string>(new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Unavailable, "backend down"))), Task.FromResult("ok"));

        var first = await PostAsync(_h, "application/json", Fakes.Referrals.Json());
        Assert.Equal(503, first.Status);
        Assert.Equal("5", first.Headers.RetryAfter.ToString());
        Assert.StartsWith("application/problem+json", first.ContentType, StringComparison.Ordinal);
        // Issue 22: intake leaves the list row to the workflow; one that did not start is listed at once.
        Assert.Equal([ReferralIds.ForSubmission(Guid.Parse(SubmissionId))], _h.Store.EnsuredListed);

        // GetInstanceAsync returns null (substitute default): the instance never started.
        var second = await PostAsync(_h, "application/json", Fakes.Referrals.Json());

        Assert.Equal(200, second.Status);
        var id = ReferralIds.ForSubmission(Guid.Parse(SubmissionId));
        await _h.Client.Received(2).ScheduleNewOrchestrationInstanceAsync(nameof(ReferralOrchestration), Arg.Any<object?>(),
            Arg.Is<StartOrchestrationOptions?>(o => o!.InstanceId == id), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task RunAsync_StorageDown_Returns503WithRetryAfterAndStartsNothing()
    {
        using var h = HttpHarness.StorageDown();

        var response = await PostAsync(h, "application/json", Fakes.Referrals.Json());

        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        await h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task RunAsync_ManagedIdentityUnavailable_Returns503WithRetryAfterAndStartsNothing()
    {
        using var h = HttpHarness.StorageDown(new Azure.Identity.CredentialUnavailableException("ManagedIdentityCredential: no identity endpoint"));

        var response = await PostAsync(h, "application/json", Fakes.Referrals.Json());

        Assert.Equal(503, response.Status);
        Assert.Equal("5", response.Headers.RetryAfter.ToString());
        await h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task RunAsync_BugInStore_IsNotTurnedInto503()
    {
        // Issue 16: only storage and transport faults are a 503; a bug reaches the host, which logs it and answers 500.
        var store = Substitute.For<Sexting.Core.Cases.ICaseStore>();
        store.CreateAsync(default!, default!, default, default, default, default).ReturnsForAnyArgs<Task<Sexting.Core.Cases.CaseCreation>>(_ => throw new ArgumentOutOfRangeException("receivedAt"));
        using var h = new HttpHarness(store);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => PostAsync(h, "application/json", Fakes.Referrals.Json()));
        await h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task RunAsync_InvalidReferral_Returns400ProblemWithErrorsKeyedByJsonPathAndStoresNothing()
    {
        var response = await PostAsync(_h, "application/json", Fakes.Referrals.Json(dateOfBirth: "2011-02-30"));

        Assert.Equal(400, response.Status);
        Assert.StartsWith("application/problem+json", response.ContentType, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(response.Body);
        Assert.Equal(400, json.RootElement.GetProperty("status").GetInt32());
        Assert.True(json.RootElement.TryGetProperty("type", out _));
        Assert.True(json.RootElement.TryGetProperty("title", out _));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("youngPeople[0].dateOfBirth", out _));
        Assert.Equal(0, _h.Store.CreateCalls);
        await _h.Client.DidNotReceiveWithAnyArgs().ScheduleNewOrchestrationInstanceAsync(default, default, default, default);
    }

    [Fact]
    public async Task RunAsync_MalformedJson_Returns400NotA5xx()
    {
        var response = await PostAsync(_h, "application/json", "{\"forceArea\": ");

        Assert.Equal(400, response.Status);
        Assert.Contains("\"$\"", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_DeclaredLengthOver64KiB_Returns413()
    {
        var response = await PostAsync(_h, "application/json", "{}", contentLength: ReferralLimits.MaxBodyBytes + 1);

        Assert.Equal(413, response.Status);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Fact]
    public async Task RunAsync_UndeclaredBodyOver64KiB_Returns413WhileReading()
    {
        var big = "{\"pad\":\"" + new string('a', ReferralLimits.MaxBodyBytes) + "\"}";

        var response = await PostAsync(_h, "application/json", big, contentLength: null);

        Assert.Equal(413, response.Status);
        Assert.Equal(0, _h.Store.CreateCalls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task RunAsync_WrongMediaType_Returns415(string? contentType)
    {
        var response = await PostAsync(_h, contentType, Fakes.Referrals.Json());

        Assert.Equal(415, response.Status);
        Assert.Equal(0, _h.Store.CreateCalls);
    }
}
