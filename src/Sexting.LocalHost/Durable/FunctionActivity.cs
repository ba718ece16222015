using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Sexting.LocalHost.Functions;

namespace Sexting.LocalHost.Durable;

/// <summary>
/// Runs an activity function's own method, its class built per call from the work item's
/// scoped service provider (constructor injection, as in the Functions app).
/// </summary>
internal sealed class FunctionActivity : ITaskActivity
{
    private readonly HostedFunction _function;
    private readonly IServiceProvider _services;

    public FunctionActivity(HostedFunction function, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(function);
        _function = function;
        _services = services;
        InputType = function.Trigger.ParameterType;
        OutputType = MethodInvoker.ResultType(function.Method);
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    /// <summary>Fails at startup, not at the first call, if a parameter cannot be bound.</summary>
    public static void Validate(HostedFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        var unsupported = function.Method.GetParameters()
            .Where(p => p.Position != function.Trigger.Position && p.ParameterType != typeof(CancellationToken))
            .Select(p => p.Name)
            .ToList();
        if (unsupported.Count > 0)
        {
            throw new NotSupportedException($"Activity '{function.Name}' has parameters the local host cannot bind: {string.Join(", ", unsupported)}.");
        }
    }

    public async Task<object?> RunAsync(TaskActivityContext context, object? input)
    {
        var method = _function.Method;
        var stopping = _services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        var arguments = method.GetParameters()
            .Select(p => p.Position == _function.Trigger.Position
                ? (p.ParameterType == typeof(TaskActivityContext) ? context : input)
                : (object)stopping)
            .ToArray();
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(_services, method.DeclaringType!);
        try
        {
            return await MethodInvoker.InvokeAsync(method, instance, arguments);
        }
        finally
        {
            await MethodInvoker.DisposeInstanceAsync(instance);
        }
    }
}
