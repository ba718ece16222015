using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sexting.LocalHost.Functions;

namespace Sexting.LocalHost.Timers;

/// <summary>
/// Runs each timer function on its schedule, its class built per run in a fresh scope
/// (constructor injection), with a <see cref="TimerInfo"/>, the host's stopping token and, for a
/// <c>[DurableClient]</c> parameter, the host's <see cref="DurableTaskClient"/>.
/// A failed run is logged and the next one still happens, as in Azure.
/// </summary>
internal sealed partial class TimerFunctionService : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<TimerFunctionService> _logger;
    private readonly TimeProvider _time;

    public TimerFunctionService(FunctionCatalog catalog, IConfiguration configuration, IServiceScopeFactory scopes, ILogger<TimerFunctionService> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _scopes = scopes;
        _logger = logger;
        _time = time ?? TimeProvider.System;
        Timers = catalog.OfKind(FunctionKind.Timer)
            .Select(f => (Function: f, Schedule: TimerSchedule.Parse(f.Schedule!, configuration)))
            .ToList();
        foreach (var (function, _) in Timers)
        {
            var unsupported = function.Method.GetParameters()
                .Where(p => p.Position != function.Trigger.Position && p.ParameterType != typeof(CancellationToken) && p.ParameterType != typeof(DurableTaskClient))
                .Select(p => p.Name);
            if (unsupported.Any())
            {
                throw new NotSupportedException($"Timer '{function.Name}' has parameters the local host cannot bind: {string.Join(", ", unsupported)}.");
            }
        }
    }

    /// <summary>The timer functions this service runs, with their resolved schedules.</summary>
    public IReadOnlyList<(HostedFunction Function, TimerSchedule Schedule)> Timers { get; }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Timers.Select(t => RunTimerAsync(t.Function, t.Schedule, stoppingToken)));

    private async Task RunTimerAsync(HostedFunction function, TimerSchedule schedule, CancellationToken stoppingToken)
    {
        var last = _time.GetUtcNow().UtcDateTime;
        if (function.RunOnStartup)
        {
            await InvokeAsync(function, new TimerInfo(), stoppingToken);
        }

        var scheduled = last;
        while (!stoppingToken.IsCancellationRequested)
        {
            // From the later of now and the occurrence just run: a delay can wake a few milliseconds
            // early, and "next after now" would then be the same occurrence again (a double run).
            var now = _time.GetUtcNow().UtcDateTime;
            var next = schedule.NextAfter(now > scheduled ? now : scheduled);
            var delay = next - _time.GetUtcNow().UtcDateTime;
            try
            {
                if (delay > TimeSpan.Zero)
                {
                    await Task.Delay(delay, _time, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }

            var info = new TimerInfo
            {
                ScheduleStatus = new ScheduleStatus { Last = last, Next = schedule.NextAfter(next), LastUpdated = _time.GetUtcNow().UtcDateTime },
            };
            last = next;
            scheduled = next;
            await InvokeAsync(function, info, stoppingToken);
        }
    }

    private async Task InvokeAsync(HostedFunction function, TimerInfo info, CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = _scopes.CreateAsyncScope();
            var method = function.Method;
            var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(scope.ServiceProvider, method.DeclaringType!);
            var arguments = method.GetParameters()
                .Select(p => p.Position == function.Trigger.Position ? info
                    : p.ParameterType == typeof(DurableTaskClient) ? scope.ServiceProvider.GetRequiredService<DurableTaskClient>()
                    : (object)stoppingToken)
                .ToArray();
            try
            {
                await MethodInvoker.InvokeAsync(method, instance, arguments);
            }
            finally
            {
                await MethodInvoker.DisposeInstanceAsync(instance);
            }

            LogTimerRan(function.Name);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failing run must not stop the schedule (Azure behaves the same).
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogTimerFailed(ex, function.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Timer function {FunctionName} ran")]
    private partial void LogTimerRan(string functionName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer function {FunctionName} failed")]
    private partial void LogTimerFailed(Exception exception, string functionName);
}
