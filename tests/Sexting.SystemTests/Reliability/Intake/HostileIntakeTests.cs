using System.Text;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>Issue 10, item 1 (curated): every hostile request gets a 4xx with problem details and changes nothing.</summary>
[Trait("Category", "Reliability")]
[Collection(AzuriteCollection.Name)]
public sealed class HostileIntakeTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly AppHarness _app = new(azurite);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    public static TheoryData<string> Curated() => HostileReferrals.Names();

    [Theory]
    [MemberData(nameof(Curated))]
    public async Task SubmitReferral_HostileRequest_4xxProblemAndNothingChanged(string name)
    {
        var hostile = HostileReferrals.All[name];

        var answer = await IntakeProbe.PostAsync(_app, hostile);

        Assert.Null(await IntakeProbe.CheckRejectedAsync(_app, hostile, answer));
    }

    [Fact]
    public void Curated_Count_AtLeast250()
    {
        Assert.True(HostileReferrals.All.Count >= 250, $"only {HostileReferrals.All.Count} curated requests");
    }

    /// <summary>The control: the same checks report a valid referral as stored and started, so they can fail.</summary>
    [Fact]
    public async Task SubmitReferral_ValidReferral_CheckReportsStoredAndStarted()
    {
        var valid = new HostileRequest("valid", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(ValidReferral.Json(Guid.NewGuid())));

        var answer = await IntakeProbe.PostAsync(_app, valid);

        Assert.Equal(202, answer.Status);
        var verdict = await IntakeProbe.CheckRejectedAsync(_app, valid, answer);
        Assert.NotNull(verdict);
        Assert.Contains("status 202", verdict, StringComparison.Ordinal);
        Assert.Contains("entities stored", verdict, StringComparison.Ordinal);
        Assert.Contains("1 durable calls", verdict, StringComparison.Ordinal);
    }
}
