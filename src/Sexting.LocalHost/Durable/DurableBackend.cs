using System.Net;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.DurableTask.Testing.Sidecar.Grpc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sexting.LocalHost.Durable;

/// <summary>
/// The local durable backend, behind this one class so it can be swapped: the Azure Storage
/// provider (the one Durable Functions uses in Azure) on Azurite, so a restart loses nothing,
/// reached by the portable Durable Task SDK through the gRPC sidecar on loopback HTTP/2.
/// </summary>
internal sealed partial class DurableBackend(
    SidecarEndpoint endpoint,
    IOptions<LocalHostOptions> options,
    IConfiguration configuration,
    ILoggerFactory loggerFactory) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<DurableBackend>();
    private WebApplication? _sidecar;

    /// <summary>The durable storage connection, as the Functions host takes it, then the case store's.</summary>
    public string StorageConnectionString =>
        configuration["AzureWebJobsStorage"] ?? configuration["Tables:ConnectionString"] ?? "UseDevelopmentStorage=true";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = ProviderSettings(options.Value, StorageConnectionString, loggerFactory);
        var service = new AzureStorageOrchestrationService(settings);
        await service.CreateIfNotExistsAsync();

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, endpoint.Port, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddRouting();
        builder.Services.AddGrpc();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.Services.Configure<ConsoleLifetimeOptions>(lifetime => lifetime.SuppressStatusMessages = true);
        builder.Services.AddSingleton<IOrchestrationService>(new StopSafeOrchestrationService(service));
        builder.Services.AddSingleton<IOrchestrationServiceClient>(service);
        builder.Services.AddSingleton<TaskHubGrpcServer>();
        _sidecar = builder.Build();
        // Only this process: every call must carry the per-process secret (contract §9).
        _sidecar.Use(async (context, next) =>
        {
            if (!endpoint.Admits(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return;
            }

            await next(context);
        });
        _sidecar.UseRouting();
        _sidecar.MapGrpcService<TaskHubGrpcServer>();

        // Built now so it hears ApplicationStarted: that is when it starts dispatching work.
        _ = _sidecar.Services.GetRequiredService<TaskHubGrpcServer>();
        await _sidecar.StartAsync(cancellationToken);
        LogReady(_logger, settings.TaskHubName, endpoint.Address);
    }

    /// <summary>
    /// The Azure Storage provider's settings from the local host's: the task hub, polling, visibility and,
    /// when set above 0, the concurrency caps (otherwise the provider's defaults).
    /// </summary>
    internal static AzureStorageOrchestrationServiceSettings ProviderSettings(LocalHostOptions options, string connectionString, ILoggerFactory loggerFactory)
    {
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = options.TaskHub,
            StorageAccountClientProvider = new StorageAccountClientProvider(connectionString),
            WorkerId = options.WorkerId,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            ControlQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            LoggerFactory = loggerFactory,
        };
        if (options.MaxConcurrentActivities > 0)
        {
            settings.MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities;
        }

        if (options.MaxConcurrentOrchestrations > 0)
        {
            settings.MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations;
        }

        if (options.PartitionCount > 0)
        {
            settings.PartitionCount = options.PartitionCount;
        }

        return settings;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_sidecar is not null)
        {
            // Stopping the sidecar stops its dispatchers, then the storage provider. A restart need not wait
            // for the leases: with the same worker id it takes its own leases straight back.
            await _sidecar.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_sidecar is not null)
        {
            await _sidecar.DisposeAsync();
            _sidecar = null;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable backend ready: task hub {TaskHub} in Azure Storage, sidecar on {SidecarAddress}")]
    private static partial void LogReady(ILogger logger, string taskHub, Uri sidecarAddress);
}
