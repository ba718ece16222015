using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.DurableTask.Protobuf;
using Microsoft.Extensions.DependencyInjection;
using Sexting.LocalHost.Durable;
using Sexting.LocalHost.Tests.Samples;
using Sexting.LocalHost.Tests.Support;

namespace Sexting.LocalHost.Tests;

/// <summary>
/// The durable sidecar listens on loopback, which every process on the machine can reach; it must
/// answer only the host itself (contract §9). A hand-made call, as another local process would make
/// it, is refused and changes nothing.
/// </summary>
[Collection(AzuriteCollection.Name)]
public sealed class SidecarSecretTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Sidecar_CallWithoutTheSecret_RefusedAndNothingChanges()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "SidecarSecret");
        var endpoint = host.App.Services.GetRequiredService<SidecarEndpoint>();
        var instanceId = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SampleOrchestration), "x");

        using var stranger = GrpcChannel.ForAddress(endpoint.Address);
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(stranger);
        var raise = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.RaiseEventAsync(new RaiseEventRequest { InstanceId = instanceId, Name = "Forged", Input = "\"by anyone\"" }));
        var start = await Assert.ThrowsAsync<RpcException>(async () =>
            await client.StartInstanceAsync(new CreateInstanceRequest { InstanceId = "forged-" + Guid.NewGuid().ToString("N"), Name = nameof(SampleOrchestration) }));

        Assert.Equal(StatusCode.PermissionDenied, raise.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, start.StatusCode);
        // The host's own calls carry the secret and still work.
        var state = await host.Client.GetInstanceAsync(instanceId);
        Assert.NotNull(state);
    }

    [Fact]
    public async Task Sidecar_WrongSecret_Refused()
    {
        await using var host = await RunningLocalHost.StartAsync(azurite, "SidecarSecret");
        var endpoint = host.App.Services.GetRequiredService<SidecarEndpoint>();
        using var http = new HttpClient(new SocketsHttpHandler()) { DefaultRequestVersion = new Version(2, 0) };
        http.DefaultRequestHeaders.Add(SidecarEndpoint.SecretHeader, Convert.ToBase64String(new byte[32]));
        using var guesser = GrpcChannel.ForAddress(endpoint.Address, new GrpcChannelOptions { HttpClient = http });
        var client = new TaskHubSidecarService.TaskHubSidecarServiceClient(guesser);

        var error = await Assert.ThrowsAsync<RpcException>(async () => await client.HelloAsync(new Google.Protobuf.WellKnownTypes.Empty()));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
    }
}
