using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Education;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

public sealed class EducationHttpTests : IDisposable
{
    private const string Youth = "youth@police.example";
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<(CaseRecord Case, DecisionToken Token)> LinkAsync(CaseStatus status = CaseStatus.EducationAndIntervention, TimeSpan? lifetime = null)
    {
        var @case = await _h.CaseAsync(status);
        var token = _h.Links.Issue(@case.ReferralId, LinkPurpose.EducationDelivered, Youth, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(35)));
        return (@case, token);
    }

    private async Task<HttpHarness.Response> ShowAsync(string token)
    {
        var request = HttpHarness.Request("GET");
        return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().ShowAsync(request, token, default), request);
    }

    private async Task<HttpHarness.Response> SubmitAsync(string token, params (string, string)[] fields)
    {
        var request = HttpHarness.Form(fields);
        return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().SubmitAsync(request, token, _h.Client, default), request);
    }

    [Fact]
    public async Task ShowAsync_ValidLink_Returns200AndChangesNothing()
    {
        var (_, token) = await LinkAsync();

        var response = await ShowAsync(token.Value);

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain("Alex", response.Body, StringComparison.Ordinal);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All, l => Assert.Null(l.ClosedAt));
    }

    [Fact]
    public async Task SubmitAsync_Delivered_Returns200RaisesEventThen410()
    {
        var (@case, token) = await LinkAsync();

        var response = await SubmitAsync(token.Value, ("officerName", "Chris Officer"), ("notes", "Session held"));

        Assert.Equal(200, response.Status);
        await _h.Client.Received(1).RaiseEventAsync(@case.ReferralId, WorkflowEvents.EducationDelivered,
            Arg.Is<object?>(o => Is<EducationDeliveredEvent>(o, e => e.OfficerName == "Chris Officer" && e.Notes == "Session held" && e.SentTo == Youth)),
            Arg.Any<CancellationToken>());
        Assert.Equal(410, (await SubmitAsync(token.Value, ("officerName", "Chris Officer"))).Status);
        Assert.Equal(410, (await ShowAsync(token.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_MissingOfficerName_Returns400()
    {
        var (_, token) = await LinkAsync();

        Assert.Equal(400, (await SubmitAsync(token.Value, ("notes", "x"))).Status);
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    [Fact]
    public async Task SubmitAsync_ForgedToken_Returns404()
    {
        var @case = await _h.CaseAsync();

        Assert.Equal(404, (await SubmitAsync(DecisionToken.Issue(@case.ReferralId).Value, ("officerName", "Chris"))).Status);
        Assert.Equal(404, (await ShowAsync("x.y")).Status);
    }

    [Fact]
    public async Task SubmitAsync_ExpiredLinkOrClosedCase_Returns410()
    {
        var (_, expired) = await LinkAsync(lifetime: TimeSpan.FromHours(1));
        var (_, closed) = await LinkAsync(CaseStatus.Closed);
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(410, (await SubmitAsync(expired.Value, ("officerName", "Chris"))).Status);
        Assert.Equal(410, (await SubmitAsync(closed.Value, ("officerName", "Chris"))).Status);
    }

    // Contract §2, §5 (v2): a staff form with a field sent twice, or a name with a bidirectional
    // override, is a bad form: nothing recorded.
    [Theory]
    [InlineData("officerName", "PC Officer", "officerName", "PC Other")]
    [InlineData("officerName", "PC \u202EreciffO", null, null)]
    [InlineData("notes", "Delivered\u200B", null, null)]
    public async Task SubmitAsync_RepeatedFieldOrRefusedCharacter_Returns400AndChangesNothing(string field, string value, string? again, string? againValue)
    {
        var (_, token) = await LinkAsync();
        var fields = new List<(string, string)> { ("officerName", "PC Officer"), ("notes", "Session held") };
        fields.RemoveAll(f => f.Item1 == field);
        fields.Add((field, value));
        if (again is not null)
        {
            fields.Add((again, againValue!));
        }

        var response = await SubmitAsync(token.Value, [.. fields]);

        Assert.Equal(400, response.Status);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.Equal(200, (await ShowAsync(token.Value)).Status);
    }
}
