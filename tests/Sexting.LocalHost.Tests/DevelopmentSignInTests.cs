using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Sexting.LocalHost.Tests.Support;

namespace Sexting.LocalHost.Tests;

/// <summary>The local host's development sign-in (contract §9), used over HTTP as a browser would.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DevelopmentSignInTests(AzuriteFixture azurite)
{
    private static readonly string Forged = Convert.ToBase64String(Encoding.UTF8.GetBytes(
        """{"auth_typ":"aad","claims":[{"typ":"name","val":"Chief Constable"},{"typ":"roles","val":"AuthorisingManager"}],"name_typ":"name","role_typ":"roles"}"""));

    [Fact]
    public async Task SignIn_FormPosted_CookieThenMeAndThePrincipalTheAppSees()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var browser = Browser(host);

        var page = await browser.GetStringAsync(new Uri("/.auth/login/aad?post_login_redirect_uri=/api/samples/a", UriKind.Relative));
        using var signIn = await SignInAsync(browser, "Pat Example", "pat.manager@police.example", "AuthorisingManager Force.Dorset", "/api/samples/a");
        var me = await browser.GetFromJsonAsync<JsonElement>("/.auth/me");
        var seen = await browser.GetFromJsonAsync<JsonElement>("/api/samples/a");

        Assert.Contains("Development sign-in", page, StringComparison.Ordinal);
        Assert.Contains("anyone can sign in here as anyone", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/api/samples/a", signIn.Headers.Location?.OriginalString);
        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        var principal = me.GetProperty("clientPrincipal");
        Assert.Equal("aad", principal.GetProperty("identityProvider").GetString());
        Assert.Equal("pat.manager@police.example", principal.GetProperty("userDetails").GetString());
        Assert.Equal("Pat Example", principal.GetProperty("name").GetString());
        Assert.Equal(["AuthorisingManager", "Force.Dorset"], principal.GetProperty("userRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.StartsWith("dev-", principal.GetProperty("userId").GetString(), StringComparison.Ordinal);
        var header = JsonDocument.Parse(Convert.FromBase64String(seen.GetProperty("principal").GetString()!)).RootElement;
        Assert.Contains(header.GetProperty("claims").EnumerateArray(), c => c.GetProperty("typ").GetString() == "name" && c.GetProperty("val").GetString() == "Pat Example");
    }

    [Fact]
    public async Task ClientSentPrincipal_SignedOutOrIn_NeverReachesTheApp()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var browser = Browser(host);

        var signedOut = await GetWithForgedHeaderAsync(browser);
        using var signIn = await SignInAsync(browser, "Sam Officer", "sam.officer@police.example", "YouthOfficer Force.Dorset", "/api/samples/b");
        var signedIn = await GetWithForgedHeaderAsync(browser);

        Assert.Equal(string.Empty, signedOut.GetProperty("principal").GetString());
        var seen = signedIn.GetProperty("principal").GetString();
        Assert.NotEqual(Forged, seen);
        Assert.DoesNotContain("Chief Constable", Encoding.UTF8.GetString(Convert.FromBase64String(seen!)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("//evil.example/steal", "/api/form")]
    [InlineData("https://evil.example/", "/api/form")]
    [InlineData("/\\evil.example", "/api/form")]
    [InlineData("/api/approvals/abc?x=1", "/api/approvals/abc?x=1")]
    public async Task SignIn_Redirect_OnlyASameSitePathIsFollowed(string redirect, string expected)
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var browser = Browser(host);

        using var signIn = await SignInAsync(browser, "Pat Example", "pat@police.example", "Prevention", redirect);

        Assert.Equal(expected, signIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_FromAnotherSite_RefusedAndNoCookie()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var browser = Browser(host);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/.auth/login/aad") { Content = SignInForm("Mallory", "m@evil.example", "Administrator", "/") };
        request.Headers.Add("Origin", "https://evil.example");

        using var response = await browser.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task Logout_SignedIn_MeIsNullAgain()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var browser = Browser(host);
        using var signIn = await SignInAsync(browser, "Pat Example", "pat@police.example", "Prevention", "/");

        using var logout = await browser.GetAsync(new Uri("/.auth/logout", UriKind.Relative));
        var me = await browser.GetFromJsonAsync<JsonElement>("/.auth/me");

        Assert.Equal(HttpStatusCode.OK, logout.StatusCode);
        Assert.Equal(JsonValueKind.Null, me.GetProperty("clientPrincipal").ValueKind);
    }

    [Fact]
    public async Task Cookie_TamperedWith_SignedOut()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "DevSignIn");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/.auth/me");
        request.Headers.Add("Cookie", "sexting-dev-signin=CfDJ8-not-a-protected-value");

        using var response = await host.Http.SendAsync(request);
        var me = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, me.GetProperty("clientPrincipal").ValueKind);
    }

    private static HttpClient Browser(RunningLocalHost host) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() }) { BaseAddress = host.Http.BaseAddress };

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient browser, string name, string email, string roles, string redirect) =>
        await browser.PostAsync(new Uri("/.auth/login/aad", UriKind.Relative), SignInForm(name, email, roles, redirect));

    private static FormUrlEncodedContent SignInForm(string name, string email, string roles, string redirect) =>
        new(new Dictionary<string, string> { ["name"] = name, ["email"] = email, ["roles"] = roles, ["post_login_redirect_uri"] = redirect });

    private static async Task<JsonElement> GetWithForgedHeaderAsync(HttpClient browser)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/samples/forged");
        request.Headers.Add("X-MS-CLIENT-PRINCIPAL", Forged);
        request.Headers.Add("x-ms-client-principal-name", "chief@police.example");
        using var response = await browser.SendAsync(request);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
