using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Sexting.Core.Staff;
using Sexting.Functions.Staff;

namespace Sexting.Functions.Tests.Staff;

/// <summary>Reading the signed-in person from App Service Authentication's header (contract §9).</summary>
public sealed class StaffSignInTests
{
    /// <summary>What App Service sends for an Entra ID sign-in (fictional values, the platform's claim types).</summary>
    private const string AppServicePrincipal = """
        {"auth_typ":"aad","claims":[
          {"typ":"http://schemas.microsoft.com/identity/claims/objectidentifier","val":"3f2b8c1e-0000-4c3e-9d7a-000000000001"},
          {"typ":"name","val":"Pat Manager"},
          {"typ":"preferred_username","val":"pat.manager@dc.police.example"},
          {"typ":"roles","val":"AuthorisingManager"},
          {"typ":"roles","val":"Force.DevonAndCornwall"}],
         "name_typ":"name","role_typ":"http://schemas.microsoft.com/ws/2008/06/identity/claims/role"}
        """;

    [Fact]
    public void Read_AppServiceWithPlatformAuthOn_ThePerson()
    {
        var who = SignIn(AuthMode.AppService, platformAuth: "True").Read(Request(AppServicePrincipal));

        Assert.NotNull(who);
        Assert.Equal("3f2b8c1e-0000-4c3e-9d7a-000000000001", who.UserId);
        Assert.Equal("Pat Manager", who.Name);
        Assert.Equal("pat.manager@dc.police.example", who.Email);
        Assert.Equal(["AuthorisingManager", "Force.DevonAndCornwall"], who.Roles.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("False")]
    [InlineData("")]
    public void Read_AppServiceWithPlatformAuthOff_NobodyWhateverTheHeaderSays(string? platformAuth) =>
        // Without App Service Authentication nothing strips a client-sent header: it proves nothing.
        Assert.Null(SignIn(AuthMode.AppService, platformAuth).Read(Request(AppServicePrincipal)));

    [Fact]
    public void Read_Emulator_TrustsTheHeaderTheLocalHostSet() =>
        Assert.NotNull(SignIn(AuthMode.Emulator, platformAuth: null).Read(Request(AppServicePrincipal)));

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("e30=")] // {}
    [InlineData("eyJjbGFpbXMiOltdfQ==")] // {"claims":[]}: no id, name or email
    public void Read_MalformedOrIncomplete_Nobody(string header)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipal.Header] = header;

        Assert.Null(SignIn(AuthMode.Emulator, null).Read(request));
    }

    [Fact]
    public void Read_NameWithABidirectionalOverride_Nobody() =>
        Assert.Null(SignIn(AuthMode.Emulator, null).Read(Request(AppServicePrincipal.Replace("Pat Manager", "Pat \u202EreganaM", StringComparison.Ordinal))));

    [Fact]
    public void EncodeDecode_RoundTrip()
    {
        var who = new StaffMember("u-1", "Sam Officer", "sam@police.example", new HashSet<string> { "YouthOfficer", "Force.Dorset" });

        var back = ClientPrincipal.Decode(ClientPrincipal.Encode(who));

        Assert.Equal(who.UserId, back!.UserId);
        Assert.Equal(who.Email, back.Email);
        Assert.Equal(who.Roles.Order(), back.Roles.Order());
    }

    [Theory]
    [InlineData("https://evil.example", null, true)]
    [InlineData("null", null, true)]
    [InlineData("null", "same-origin", false)] // a form post from a no-referrer page of this app
    [InlineData("null", "cross-site", true)]
    [InlineData("http://app.example:7071", null, false)]
    [InlineData("https://ypsi.police.example", null, false)] // PublicBaseUrl
    [InlineData(null, "cross-site", true)]
    [InlineData(null, "same-site", true)]
    [InlineData(null, "same-origin", false)]
    [InlineData(null, "none", false)]
    [InlineData(null, null, false)] // a script or a machine: no browser to trick
    public void RequestOrigin_Post_CrossSiteWhenAnotherSite(string? origin, string? fetchSite, bool expected)
    {
        var request = new DefaultHttpContext().Request;
        request.Scheme = "http";
        request.Host = new HostString("app.example", 7071);
        if (origin is not null)
        {
            request.Headers.Origin = origin;
        }

        if (fetchSite is not null)
        {
            request.Headers["Sec-Fetch-Site"] = fetchSite;
        }

        Assert.Equal(expected, RequestOrigin.IsCrossSite(request, new Uri("https://ypsi.police.example")));
    }

    private static StaffSignIn SignIn(AuthMode mode, string? platformAuth) =>
        new(Options.Create(new AuthOptions { Mode = mode }), name => name == AuthOptions.PlatformAuthEnabledVariable ? platformAuth : null);

    private static HttpRequest Request(string principalJson)
    {
        var request = new DefaultHttpContext().Request;
        request.Headers[ClientPrincipal.Header] = Convert.ToBase64String(Encoding.UTF8.GetBytes(principalJson));
        return request;
    }
}
