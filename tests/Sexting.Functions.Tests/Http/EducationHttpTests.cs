using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Core.Staff;
using Sexting.Functions.Education;
using Sexting.Functions.Workflow;

namespace Sexting.Functions.Tests.Http;

public sealed class EducationHttpTests : IDisposable
{
    private const string Youth = "youth@police.example";
    private static readonly StaffMember DcOfficer = HttpHarness.Staff("YouthOfficer Force.DevonAndCornwall", "Chris Officer", "chris.officer@dc.police.example");
    private readonly HttpHarness _h = new();
    private StaffMember? _who = DcOfficer;

    public void Dispose() => _h.Dispose();

    private async Task<(CaseRecord Case, DecisionToken Token)> LinkAsync(CaseStatus status = CaseStatus.EducationAndIntervention, TimeSpan? lifetime = null)
    {
        var @case = await _h.CaseAsync(status);
        var token = _h.Links.Issue(@case.ReferralId, LinkPurpose.EducationDelivered, Youth, _h.Clock.GetUtcNow(), _h.Clock.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(35)));
        return (@case, token);
    }

    private async Task<HttpHarness.Response> ShowAsync(string token)
    {
        var request = HttpHarness.As(HttpHarness.Request("GET"), _who);
        return await HttpHarness.ExecuteAsync(await _h.Create<EducationHttp>().ShowAsync(request, token, default), request);
    }

    private async Task<HttpHarness.Response> SubmitAsync(string token, params (string, string)[] fields)
    {
        var request = HttpHarness.As(HttpHarness.Form(fields), _who);
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

        var response = await SubmitAsync(token.Value, ("officerName", "Typed Name Ignored"), ("notes", "Session held"), ("delivered.YP1", "on"));

        Assert.Equal(200, response.Status);
        var call = Assert.Single(_h.Client.ReceivedCalls(), c => c.GetMethodInfo().Name == nameof(_h.Client.RaiseEventAsync));
        Assert.Equal(WorkflowEvents.EducationDelivered, call.GetArguments()[1]);
        var raised = Assert.IsType<EducationDeliveredEvent>(call.GetArguments()[2]);
        var use = await _h.Links.GetUseAsync(@case.ReferralId, LinkPurpose.EducationDelivered, raised.UseId, default);
        Assert.NotNull(use);
        Assert.Equal(StaffIdentity.Of(DcOfficer), use.By);
        Assert.Equal(Youth, use.SentTo);
        Assert.Equal("Session held", use.Text);
        Assert.Equal(["YP1"], use.Delivered);
        Assert.Equal(410, (await SubmitAsync(token.Value, ("notes", "again"))).Status);
        Assert.Equal(410, (await ShowAsync(token.Value)).Status);
    }

    [Fact]
    public async Task SubmitAsync_YoungPersonNotOfThisCase_Returns400()
    {
        var (_, token) = await LinkAsync();

        Assert.Equal(400, (await SubmitAsync(token.Value, ("notes", "x"), ("delivered.YP7", "on"))).Status);
        Assert.Empty(_h.Client.ReceivedCalls());
    }

    [Theory]
    [InlineData(null, 302, 401)]
    [InlineData("AuthorisingManager Force.DevonAndCornwall", 403, 403)]
    [InlineData("YouthOfficer Force.Dorset", 403, 403)]
    public async Task ShowAndSubmit_NotTheCasesYouthOfficer_RefusedAndNothingChanges(string? roles, int show, int submit)
    {
        var (_, token) = await LinkAsync();
        _who = roles is null ? null : HttpHarness.Staff(roles, "Robin Other", "robin@police.example");

        Assert.Equal(show, (await ShowAsync(token.Value)).Status);
        Assert.Equal(submit, (await SubmitAsync(token.Value, ("notes", "x"))).Status);
        Assert.Empty(_h.Client.ReceivedCalls());
        Assert.All(_h.Links.All, l => Assert.Null(l.ClosedAt));
    }

    [Fact]
    public async Task SubmitAsync_ForgedToken_Returns404()
    {
        var @case = await _h.CaseAsync();

        Assert.Equal(404, (await SubmitAsync(DecisionToken.Issue(@case.ReferralId).Value, ("notes", "x"))).Status);
        Assert.Equal(404, (await ShowAsync("x.y")).Status);
    }

    [Fact]
    public async Task SubmitAsync_ExpiredLinkOrClosedCase_Returns410()
    {
        var (_, expired) = await LinkAsync(lifetime: TimeSpan.FromHours(1));
        var (_, closed) = await LinkAsync(CaseStatus.Closed);
        _h.Clock.Advance(TimeSpan.FromHours(2));

        Assert.Equal(410, (await SubmitAsync(expired.Value, ("notes", "x"))).Status);
        Assert.Equal(410, (await SubmitAsync(closed.Value, ("notes", "x"))).Status);
    }

    // Contract §2, §5 (v2): a staff form with a field sent twice, or notes with a zero-width or
    // bidirectional character, is a bad form: nothing recorded.
    [Theory]
    [InlineData("notes", "Session held", "notes", "Other notes")]
    [InlineData("delivered.YP1", "on", "delivered.YP1", "on")]
    [InlineData("notes", "Delivered \u202Ereversed", null, null)]
    [InlineData("notes", "Delivered\u200B", null, null)]
    public async Task SubmitAsync_RepeatedFieldOrRefusedCharacter_Returns400AndChangesNothing(string field, string value, string? again, string? againValue)
    {
        var (_, token) = await LinkAsync();
        var fields = new List<(string, string)> { ("notes", "Session held") };
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
