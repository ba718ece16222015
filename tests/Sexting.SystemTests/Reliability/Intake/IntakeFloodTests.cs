using System.Text;
using Sexting.Functions.Confirmation;
using Sexting.Functions.Intake;
using Sexting.Functions.Pages;
using Sexting.SystemTests.Reliability.Support;
using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Intake;

/// <summary>
/// Issue 19 on the real intake function over real Azurite: a flood from one client address gets 429
/// with <c>Retry-After</c> beyond <c>Intake:PermitsPerMinute</c>, and a refused request stores nothing,
/// starts nothing and sends nothing; a post from another site's page is 403 with the same checks.
/// </summary>
[Trait("Category", "Reliability")]
[Collection(AzuriteCollection.Name)]
public sealed class IntakeFloodTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const int Permits = 5;
    private readonly AppHarness _app = new(azurite, Permits);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SubmitReferral_FloodFromOneAddress_BeyondTheLimit429AndNothingMoreStoredOrStarted()
    {
        for (var i = 0; i < Permits; i++)
        {
            Assert.Equal(202, (await IntakeProbe.PostAsync(_app, Valid())).Status);
        }

        var stored = await _app.CountStoredAsync();
        var started = _app.DurableCalls;

        var flood = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => IntakeProbe.PostAsync(_app, Valid())));

        Assert.All(flood, a =>
        {
            Assert.Equal(429, a.Status);
            Assert.StartsWith("application/problem+json", a.ContentType, StringComparison.Ordinal);
            Assert.InRange(int.Parse(a.Headers["Retry-After"].ToString(), System.Globalization.CultureInfo.InvariantCulture), 1, 60);
        });
        Assert.Equal(stored, await _app.CountStoredAsync());
        Assert.Equal(started, _app.DurableCalls);
        Assert.Equal(0, _app.OutboxFiles);
        Assert.DoesNotContain(ValidReferral.ReporterName, _app.Logs.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitReferral_FormFloodFromOneAddress_FormAgainWithAnswersAndErrorSummary()
    {
        for (var i = 0; i < Permits; i++)
        {
            await IntakeProbe.PostAsync(_app, Valid());
        }

        var stored = await _app.CountStoredAsync();
        var request = AppHarness.Form(null, ("forceArea", "DevonAndCornwall"), ("setting.name", "Flooded Academy"), ("reporter.email", "dsl@flooded.sch.uk"));
        var answer = await AppHarness.ExecuteAsync(await _app.Create<ReferralIntakeHttp>().RunAsync(request, _app.Client, CancellationToken.None), request);

        Assert.Equal(429, answer.Status);
        Assert.True(answer.Headers.ContainsKey("Retry-After"));
        Assert.Contains("govuk-error-summary", answer.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"Flooded Academy\"", answer.Body, StringComparison.Ordinal);
        Assert.Contains("value=\"dsl@flooded.sch.uk\"", answer.Body, StringComparison.Ordinal);
        Assert.Equal(stored, await _app.CountStoredAsync());
    }

    [Theory]
    [InlineData("application/json", "https://attacker.example", null)]
    [InlineData("application/json", null, "cross-site")]
    [InlineData("application/x-www-form-urlencoded", "https://dcpolice-verify.example", null)]
    [InlineData("application/x-www-form-urlencoded", "null", "cross-site")]
    [InlineData("application/x-www-form-urlencoded", null, "same-site")]
    public async Task SubmitReferral_FromAnotherSite_403AndNothingChanged(string contentType, string? origin, string? fetchSite)
    {
        var body = contentType == "application/json"
            ? Encoding.UTF8.GetBytes(ValidReferral.Json(Guid.NewGuid()))
            : Encoding.UTF8.GetBytes("forceArea=DevonAndCornwall&setting.name=Pre-filled+by+another+site");
        var hostile = new HostileRequest("cross-site " + contentType, contentType, body) { ExpectedStatus = 403 };
        var request = AppHarness.Request("POST", contentType, body);
        Cross(request, origin, fetchSite);

        var answer = await AppHarness.ExecuteAsync(await _app.Create<ReferralIntakeHttp>().RunAsync(request, _app.Client, CancellationToken.None), request);

        Assert.Null(await IntakeProbe.CheckRejectedAsync(_app, hostile, answer));
    }

    [Fact]
    public async Task AddYoungPerson_FromAnotherSite_403()
    {
        var request = AppHarness.Form(null, ("setting.name", "Pre-filled"));
        Cross(request, "https://attacker.example", null);

        var answer = await AppHarness.ExecuteAsync(await _app.Create<ReferralFormHttp>().AddYoungPersonAsync(request, CancellationToken.None), request);

        Assert.Equal(403, answer.Status);
    }

    [Fact]
    public async Task SubmitConfirmation_FromAnotherSite_403AndNothingRaised()
    {
        var request = AppHarness.Request("POST", "application/x-www-form-urlencoded", []);
        Cross(request, "https://attacker.example", null);

        var answer = await AppHarness.ExecuteAsync(
            await _app.Create<ReporterConfirmationHttp>().SubmitAsync(request, "0123456789abcdef0123456789abcdef." + new string('A', 43), _app.Client, CancellationToken.None), request);

        Assert.Equal(403, answer.Status);
        Assert.Equal(0, _app.RaisedEvents);
    }

    private static HostileRequest Valid() =>
        new("valid", "application/json; charset=utf-8", Encoding.UTF8.GetBytes(ValidReferral.Json(Guid.NewGuid())));

    private static void Cross(Microsoft.AspNetCore.Http.HttpRequest request, string? origin, string? fetchSite)
    {
        request.Scheme = "http";
        request.Host = new Microsoft.AspNetCore.Http.HostString("127.0.0.1", 7071);
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            request.Headers["Sec-Fetch-Site"] = fetchSite;
        }
    }
}
