using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Sexting.Functions.Staff;
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
    public async Task Get_FunctionLevelWithNoKeyConfigured_RequiresTheGeneratedKey()
    {
        // Contract §1 v2: case data is never served keyless; the host generates a key instead.
        await using var host = await RunningLocalHost.StartAsync(azurite, "HttpKeys");
        var generated = host.App.Configuration["Api:FunctionKey"];
        Assert.False(string.IsNullOrEmpty(generated));
        Assert.True(generated.Length >= 43, $"a generated key of {generated.Length} characters");

        using var keyless = await host.Http.GetAsync(new Uri("/api/SampleSecret", UriKind.Relative));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/SampleSecret");
        request.Headers.Add(FunctionKeyCheck.HeaderName, generated);
        using var keyed = await host.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, keyless.StatusCode);
        Assert.Equal(HttpStatusCode.OK, keyed.StatusCode);
    }

    [Fact]
    public void LocalFunctionKey_Unset_IsGeneratedFreshEachStart()
    {
        var first = LocalFunctionKey.Apply(new ConfigurationManager());
        var second = LocalFunctionKey.Apply(new ConfigurationManager());

        Assert.True(first.Generated);
        Assert.NotEqual(first.Key, second.Key);
        Assert.Contains(first.Key, LocalFunctionKey.Announcement(first.Key), StringComparison.Ordinal);
    }

    [Fact]
    public void LocalFunctionKey_Configured_IsUsedAndNotAnnounced()
    {
        var configuration = new ConfigurationManager();
        configuration["LocalHost:FunctionKey"] = Key;

        var (key, generated) = LocalFunctionKey.Apply(configuration);

        Assert.Equal(Key, key);
        Assert.False(generated);
        Assert.Equal(Key, configuration["Api:FunctionKey"]);
    }
}
