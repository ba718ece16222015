using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Sexting.LocalHost.Http;
using Sexting.LocalHost.Tests.Support;

namespace Sexting.LocalHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class HttpFunctionTests(AzuriteFixture azurite)
{
    private const string Key = "test-function-key-not-a-secret";

    [Fact]
    public async Task Get_RouteWithValue_CallsFunctionWithValueBoundAndServiceInjected()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpRoutes");

        var body = await host.Http.GetFromJsonAsync<JsonElement>("/api/samples/abc-123");

        Assert.Equal("Hello abc-123", body.GetProperty("greeting").GetString());
        Assert.Equal("GET", body.GetProperty("method").GetString());
        Assert.True(body.GetProperty("cancellable").GetBoolean());
    }

    [Fact]
    public async Task Post_SecondDeclaredMethod_Answers()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpRoutes");

        using var response = await host.Http.PostAsync(new Uri("/api/samples/x", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Delete_UndeclaredMethod_Returns405()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpRoutes");

        using var response = await host.Http.DeleteAsync(new Uri("/api/samples/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
    }

    [Theory]
    [InlineData(null, null, HttpStatusCode.Unauthorized)]
    [InlineData("wrong", null, HttpStatusCode.Unauthorized)]
    [InlineData(null, "wrong", HttpStatusCode.Unauthorized)]
    [InlineData(Key, null, HttpStatusCode.OK)]
    [InlineData(null, Key, HttpStatusCode.OK)]
    public async Task Get_FunctionLevelWithKeySet_RequiresKeyInHeaderOrCode(string? header, string? code, HttpStatusCode expected)
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpKeys", new Dictionary<string, string?> { ["LocalHost:FunctionKey"] = Key });
        using var request = new HttpRequestMessage(HttpMethod.Get, code is null ? "/api/SampleSecret" : "/api/SampleSecret?code=" + Uri.EscapeDataString(code));
        if (header is not null)
        {
            request.Headers.Add(FunctionKeyCheck.HeaderName, header);
        }

        using var response = await host.Http.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Get_AnonymousWithKeySet_NeedsNoKey()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpKeys", new Dictionary<string, string?> { ["LocalHost:FunctionKey"] = Key });

        using var response = await host.Http.GetAsync(new Uri("/api/samples/x", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Get_FunctionLevelWithNoKeyConfigured_Answers()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpKeys");

        using var response = await host.Http.GetAsync(new Uri("/api/SampleSecret", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
