using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sexting.Functions.Configuration;
using Sexting.Functions.Intake;

namespace Sexting.Functions.Tests.Http;

/// <summary>Contract §11: what the intake's per-minute limit counts a request against, and the limit itself.</summary>
public sealed class IntakeRateLimiterTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData("::1", "::/64")]
    public void CountedAs_TheConnectionsAddress_IPv4WholeIPv6ByItsSlash64(string remote, string expected)
    {
        var addresses = new ClientAddress(trustPlatformHeader: false);

        Assert.Equal(expected, addresses.CountedAs(Request(remote)));
    }

    [Fact]
    public void CountedAs_OnThePlatform_ThePlatformsHeaderCountsByItsSlash64()
    {
        var request = Request("127.0.0.1", platformHeader: "[2001:db8:5:6:7::9]:50123");

        Assert.Equal("2001:db8:5:6::/64", new ClientAddress(trustPlatformHeader: true).CountedAs(request));
        Assert.Equal("127.0.0.1", new ClientAddress(trustPlatformHeader: false).CountedAs(request));
    }

    [Fact]
    public void CountedAs_NoAddressAtAll_Unknown()
    {
        var request = new DefaultHttpContext().Request;

        Assert.Equal("unknown", new ClientAddress(trustPlatformHeader: false).CountedAs(request));
    }

    [Fact]
    public void TryAcquire_OneIPv6ClientChangingItsAddressWithinItsSlash64_RefusedPastTheLimit()
    {
        using var limiter = Limiter(permitsPerMinute: 2);

        Assert.Null(limiter.TryAcquire(Request("2001:db8:1:2::1")));
        Assert.Null(limiter.TryAcquire(Request("2001:db8:1:2::2")));
        var wait = limiter.TryAcquire(Request("2001:db8:1:2:aaaa::3"));

        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void TryAcquire_OtherClients_CountedApart()
    {
        using var limiter = Limiter(permitsPerMinute: 1);

        Assert.Null(limiter.TryAcquire(Request("2001:db8:1:2::1")));
        Assert.NotNull(limiter.TryAcquire(Request("2001:db8:1:2::1")));
        Assert.Null(limiter.TryAcquire(Request("2001:db8:1:3::1")));
        Assert.Null(limiter.TryAcquire(Request("203.0.113.7")));
        Assert.Null(limiter.TryAcquire(Request("203.0.113.8")));
        Assert.NotNull(limiter.TryAcquire(Request("203.0.113.8")));
    }

    private static IntakeRateLimiter Limiter(int permitsPerMinute) =>
        new(Options.Create(new IntakeOptions { PermitsPerMinute = permitsPerMinute }), new ClientAddress(trustPlatformHeader: false));

    private static HttpRequest Request(string remote, string? platformHeader = null)
    {
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (platformHeader is not null)
        {
            context.Request.Headers[ClientAddress.PlatformHeader] = platformHeader;
        }

        return context.Request;
    }
}
