using System.Text.Json;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Functions.Cases;
using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// Contract §3: <c>GET /api/referrals/{id}</c> on Azurite reads the case and its timeline in one
/// request, so a timeline entry is never answered without the change it records.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class GetReferralHttpAzuriteTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private AppHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = AppHost.Create(azurite, Now);
        await _host.WarmUpAsync();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task RunAsync_MachineRead_TheCaseAndItsTimelineInOneRequest()
    {
        var created = await _host.CaseAsync(Now.AddHours(-1), CaseStatus.AwaitingAuthorisation, assessment: AppHost.Outcome21);
        _host.Counter.Reset();

        var (status, body) = await GetAsync(created.ReferralId);

        Assert.Equal(200, status);
        Assert.Equal(1, _host.Counter.Total);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("EducationAndIntervention", json.RootElement.GetProperty("route").GetString());
        Assert.Equal("AwaitingAuthorisation", json.RootElement.GetProperty("status").GetString());
        Assert.Contains("CrimeRecorded", json.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("event").GetString()));
    }

    [Fact]
    public async Task RunAsync_Unknown_404()
    {
        var (status, _) = await GetAsync(ReferralIds.NewRandom());

        Assert.Equal(404, status);
    }

    private async Task<(int Status, string Body)> GetAsync(string referralId)
    {
        var (status, _, body) = await AppHost.MachineGetAsync(_ => { }, r => _host.Create<GetReferralHttp>().RunAsync(r, referralId, default));
        return (status, body);
    }
}
