using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Grpc.Internal;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sexting.LocalHost.Durable;

/// <summary>Registers the durable backend, a worker running the given tasks and a client, all on one sidecar channel.</summary>
internal static class DurableBackendRegistration
{
    public static IServiceCollection AddDurableBackend(this IServiceCollection services, IConfiguration configuration, Action<DurableTaskRegistry> tasks)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var endpoint = new SidecarEndpoint(configuration.GetValue<int>($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.SidecarPort)}"));
        services.AddSingleton(endpoint);
        services.AddSingleton<DurableBackend>();

        // Registered before the worker so the sidecar is listening when the worker connects.
        services.AddHostedService(sp => sp.GetRequiredService<DurableBackend>());
        // LocalHost:DispatchPaused (the bench's intake-alone run): no worker, so the sidecar dispatches nothing.
        if (!configuration.GetValue<bool>($"{LocalHostOptions.Section}:{nameof(LocalHostOptions.DispatchPaused)}"))
        {
            AddWorker(services, endpoint, tasks);
        }

        services.AddDurableTaskClient(client =>
        {
            client.UseGrpc(endpoint.Channel);
            client.RegisterDirectly();
        });
        return services;
    }

    private static void AddWorker(IServiceCollection services, SidecarEndpoint endpoint, Action<DurableTaskRegistry> tasks) =>
        services.AddDurableTaskWorker(worker =>
        {
            worker.UseGrpc(grpc =>
            {
                grpc.Channel = endpoint.Channel;
                // The sidecar sends no health pings, so an idle stream is not a dead one: without this the
                // worker drops and re-creates its connection every two minutes when nothing is happening.
                grpc.SetSilentDisconnectTimeout(TimeSpan.Zero);
            });
            worker.AddTasks(tasks);
        });
}
