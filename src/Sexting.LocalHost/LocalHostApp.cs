using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sexting.Functions.Staff;
using Sexting.LocalHost.Durable;
using Sexting.LocalHost.Functions;
using Sexting.LocalHost.Http;
using Sexting.LocalHost.Logging;
using Sexting.LocalHost.SignIn;
using Sexting.LocalHost.Timers;

namespace Sexting.LocalHost;

/// <summary>
/// Builds the local host over the <c>[Function]</c> methods of the given assemblies: HTTP functions
/// on their Azure routes, orchestrators and activities on the durable backend, timers on their
/// schedules. Nothing here knows any particular function.
/// </summary>
internal static class LocalHostApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Defaults under every other configuration source, so the host starts with nothing set.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Email:Mode"] = "Outbox",
        // Contract §1, §9: staff sign in through the development sign-in of the local host.
        ["Auth:Mode"] = "Emulator",
        ["Email:OutboxPath"] = ".local/outbox",
        // Contract §1, §12: no Key Vault locally; the development key-encryption key, made on first run.
        ["DataProtection:LocalKeyPath"] = ".local/keys/data-protection-kek.json",
        // The review timer's %Reminders:Schedule% must resolve with nothing set (contract §1).
        ["Reminders:Schedule"] = Sexting.Functions.Configuration.RemindersOptions.DefaultSchedule,
        // And the retention timer's %Retention:Schedule% (contract §12).
        ["Retention:Schedule"] = Sexting.Functions.Configuration.RetentionOptions.DefaultSchedule,
        ["Logging:LogLevel:Default"] = "Information",
        ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
        ["Logging:LogLevel:Microsoft.DurableTask"] = "Warning",
        ["Logging:LogLevel:DurableTask"] = "Warning",
        ["Logging:LogLevel:Grpc"] = "Warning",
    };

    public static WebApplication Build(string[] args, FunctionCatalog catalog, Action<WebApplicationBuilder>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource { InitialData = Defaults });
        configure?.Invoke(builder);
        var functionKey = LocalFunctionKey.Apply(builder.Configuration);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        // Contract §8: no Server header (the Functions app removes it the same way, ResponseHeaders).
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);

        var services = builder.Services;
        // Without this a stop waits out the shutdown timeout on the sidecar's open work-item stream.
        services.Configure<HostOptions>(host =>
        {
            host.ServicesStopConcurrently = true;
            host.ShutdownTimeout = TimeSpan.FromSeconds(10);
        });
        services.AddOptions<LocalHostOptions>().BindConfiguration(LocalHostOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(catalog);
        services.AddMvcCore();
        services.AddDataProtection(); // the development sign-in's session cookie

        // Adapters are built now so a function the host cannot run fails at startup, not at its first call.
        var orchestrators = catalog.OfKind(FunctionKind.Orchestrator).Select(f => (f.Name, Orchestrator: new FunctionOrchestrator(f))).ToList();
        var activities = catalog.OfKind(FunctionKind.Activity).ToList();
        activities.ForEach(FunctionActivity.Validate);
        services.AddDurableBackend(builder.Configuration, registry =>
        {
            orchestrators.ForEach(o => registry.AddOrchestrator(o.Name, o.Orchestrator));
            activities.ForEach(a => registry.AddActivity(a.Name, sp => new FunctionActivity(a, sp)));
        });
        services.AddSingleton<TimerFunctionService>();
        services.AddHostedService(sp => sp.GetRequiredService<TimerFunctionService>());

        services.AddFunctionsAppServices(builder.Configuration);

        // Last, so it wraps every logger provider registered before it, the caller's included.
        SecretRedactingLoggerProvider.Decorate(services);

        var app = builder.Build();
        // Contract §8: nosniff on every response (the sign-in's and the 401s included), HSTS on HTTPS.
        app.Use((context, next) =>
        {
            Sexting.Functions.Http.ResponseHeaders.ApplyOnStarting(context);
            return next(context);
        });

        // First: no client-sent principal reaches the app; the emulator sets the signed-in one.
        app.UseDevelopmentSignIn();
        if (app.Configuration.GetValue($"{AuthOptions.Section}:{nameof(AuthOptions.Mode)}", AuthMode.Emulator) == AuthMode.Emulator)
        {
            app.MapDevelopmentSignIn();
        }

        app.MapHttpFunctions(catalog);
        if (functionKey.Generated)
        {
            // Contract §1: case data is never served keyless; a key nobody configured is printed once.
            app.Lifetime.ApplicationStarted.Register(() => Console.Out.WriteLine(LocalFunctionKey.Announcement(functionKey.Key)));
        }

        return app;
    }
}
