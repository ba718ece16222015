using System.Net;
using Sexting.SystemTests.EndToEnd.Client;
using Sexting.SystemTests.EndToEnd.Hosting;
using Sexting.TestSupport;
using Sexting.TestSupport.Mail;

namespace Sexting.SystemTests.EndToEnd.Scenarios;

/// <summary>
/// Contract §2, §11 over HTTP on the local host: beyond <c>Intake:PermitsPerMinute</c> from one
/// client address, 429 with <c>Retry-After</c>, nothing stored and nothing sent; the form comes back
/// with its answers; after the wait, referrals are taken again. Contract §8: a cross-site form post is 403.
/// </summary>
[Trait("Category", "EndToEnd")]
public sealed class IntakeLimitTests(IntakeLimitHost host) : IClassFixture<IntakeLimitHost>
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    [Fact]
    public async Task Submit_BeyondTheLimit_429NothingStoredNothingSentThenRecovers()
    {
        await Task.Delay(IntakeLimitHost.Window + TimeSpan.FromSeconds(1)); // a fresh window, whatever ran before in this host
        var api = host.Api;
        var answers = await Task.WhenAll(Enumerable.Range(0, IntakeLimitHost.Permits + 3).Select(_ => api.SubmitAsync(SampleReferral.Create())));

        var accepted = answers.Where(a => a.Status == HttpStatusCode.Accepted).ToList();
        var refused = answers.Where(a => a.Status == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(IntakeLimitHost.Permits, accepted.Count);
        Assert.Equal(3, refused.Count);
        Assert.All(refused, r => Assert.Contains("\"status\":429", r.Body, StringComparison.Ordinal));

        // The form: 429, the form again with an error summary and the answers kept, and Retry-After.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["forceArea"] = "DevonAndCornwall",
            ["setting.name"] = "Meadow Flood Academy",
            ["reporter.email"] = "dsl@meadow.sch.uk",
        });
        using var formAnswer = await Http.PostAsync(new Uri(api.BaseAddress, "api/referrals"), form);
        var html = await formAnswer.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.TooManyRequests, formAnswer.StatusCode);
        Assert.Contains("govuk-error-summary", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Meadow Flood Academy\"", html, StringComparison.Ordinal);
        var retryAfter = int.Parse(formAnswer.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 60);

        // Nothing stored, nothing sent: only the accepted referrals are acknowledged.
        await Task.WhenAll(accepted.Select(a => host.Outbox.WaitForOneAsync(a.ReferralId, "IntakeAcknowledgement")));
        await Task.Delay(1000);
        Assert.Equal(IntakeLimitHost.Permits, host.Outbox.All().Count(m => m.Kind == "IntakeAcknowledgement"));

        // Recovered: after the wait, a referral is taken again.
        await Task.Delay(TimeSpan.FromSeconds(retryAfter + 1));
        var later = await api.SubmitAsync(SampleReferral.Create());
        Assert.Equal(HttpStatusCode.Accepted, later.Status);
    }

    [Theory]
    [InlineData("https://attacker.example", null)]
    [InlineData(null, "cross-site")]
    public async Task FormPost_FromAnotherSite_403NothingStored(string? origin, string? fetchSite)
    {
        await Task.Delay(IntakeLimitHost.Window + TimeSpan.FromSeconds(1)); // not refused by the limit instead
        var before = host.Outbox.OfReferrals().Count;
        var referral = SampleReferral.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host.Api.BaseAddress, "api/referrals"))
        {
            Content = new StringContent(referral.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var response = await Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await Task.Delay(500);
        Assert.Equal(before, host.Outbox.OfReferrals().Count);
        // Nothing stored: the same submission from the school itself is new (202, not the 200 of a repeat).
        Assert.Equal(HttpStatusCode.Accepted, (await host.Api.SubmitAsync(referral)).Status);
    }
}
