using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Tests.Http;

public sealed class GetReferralHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private Task<HttpHarness.Response> GetAsync(string id) => GetAsync(id, HttpHarness.WithKey(HttpHarness.Request("GET")));

    private async Task<HttpHarness.Response> GetAsync(string id, HttpRequest request)
    {
        var result = await _h.Create<GetReferralHttp>().RunAsync(request, id, default);
        return await HttpHarness.ExecuteAsync(result, request);
    }

    [Fact]
    public async Task RunAsync_KnownCase_Returns200WithContractShape()
    {
        var @case = await _h.CaseAsync(CaseStatus.Received);

        var response = await GetAsync(@case.ReferralId);

        Assert.Equal(200, response.Status);
        using var json = JsonDocument.Parse(response.Body);
        var root = json.RootElement;
        Assert.Equal(@case.ReferralId, root.GetProperty("referralId").GetString());
        Assert.Equal(@case.CrimeReference, root.GetProperty("crimeReference").GetString());
        Assert.Equal("DevonAndCornwall", root.GetProperty("forceArea").GetString());
        Assert.Equal("Received", root.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("outcome").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("aggravatingFactors").ValueKind);
        Assert.Equal("CrimeRecorded", root.GetProperty("timeline")[0].GetProperty("event").GetString());
        Assert.DoesNotContain("Alex Example", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownId_Returns404()
    {
        var response = await GetAsync(ReferralIds.NewRandom());

        Assert.Equal(404, response.Status);
    }

    [Theory]
    [InlineData("not-an-id")]
    [InlineData("ABCDEF0123456789ABCDEF0123456789")]
    [InlineData("")]
    public async Task RunAsync_IdNotOfReferralShape_Returns404(string id)
    {
        var response = await GetAsync(id);

        Assert.Equal(404, response.Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    [InlineData("")]
    public async Task RunAsync_NoRightKeyAndSignedOut_Returns401(string? key)
    {
        var @case = await _h.CaseAsync(CaseStatus.Received);
        var request = HttpHarness.Request("GET");
        if (key is not null)
        {
            request.QueryString = new QueryString("?code=" + key);
        }

        var response = await GetAsync(@case.ReferralId, request);

        Assert.Equal(401, response.Status);
        Assert.DoesNotContain(@case.CrimeReference, response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_KeyInCodeQuery_Returns200NotAudited()
    {
        var @case = await _h.CaseAsync(CaseStatus.Received);
        var request = HttpHarness.Request("GET");
        request.QueryString = new QueryString("?code=" + HttpHarness.FunctionKey);

        var response = await GetAsync(@case.ReferralId, request);

        Assert.Equal(200, response.Status);
        Assert.Empty(await _h.Audit.ReadAsync(@case.ReferralId, default));
    }

    [Theory]
    [InlineData("YouthOfficer Force.DevonAndCornwall", 200)]
    [InlineData("Investigator Force.DevonAndCornwall Force.Dorset", 200)]
    [InlineData("YouthOfficer Force.Dorset", 403)]
    [InlineData("Force.DevonAndCornwall", 403)]
    public async Task RunAsync_SignedInStaff_NeedAnyRoleAndTheCasesForce_ReadsAudited(string roles, int expected)
    {
        var @case = await _h.CaseAsync(CaseStatus.Received); // Devon and Cornwall
        var who = HttpHarness.Staff(roles, "Sam Reader", "sam.reader@police.example");

        var response = await GetAsync(@case.ReferralId, HttpHarness.As(HttpHarness.Request("GET"), who));

        Assert.Equal(expected, response.Status);
        var audit = await _h.Audit.ReadAsync(@case.ReferralId, default);
        if (expected == 200)
        {
            var entry = Assert.Single(audit);
            Assert.Equal(("Sam Reader", "sam.reader@police.example", "user-sam.reader@police.example", "ReadCase"), (entry.Who.Name, entry.Who.Email, entry.Who.UserId, entry.Action));
            Assert.Equal(_h.Clock.GetUtcNow(), entry.At);
        }
        else
        {
            Assert.Empty(audit);
            Assert.DoesNotContain(@case.CrimeReference, response.Body, StringComparison.Ordinal);
        }
    }
}
