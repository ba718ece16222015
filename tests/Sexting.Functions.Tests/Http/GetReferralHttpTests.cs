using System.Text.Json;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;

namespace Sexting.Functions.Tests.Http;

public sealed class GetReferralHttpTests : IDisposable
{
    private readonly HttpHarness _h = new();

    public void Dispose() => _h.Dispose();

    private async Task<HttpHarness.Response> GetAsync(string id)
    {
        var request = HttpHarness.Request("GET");
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
}
