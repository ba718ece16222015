using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Sexting.LocalHost.Functions;

/// <summary>Calls a function method and awaits what it returns, as the Functions worker does.</summary>
internal static class MethodInvoker
{
    /// <summary>Invokes <paramref name="method"/>; a <c>Task</c>, <c>Task&lt;T&gt;</c> or <c>ValueTask</c> result is awaited and unwrapped.</summary>
    public static async Task<object?> InvokeAsync(MethodInfo method, object? instance, object?[] arguments)
    {
        ArgumentNullException.ThrowIfNull(method);
        object? result;
        try
        {
            result = method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }

        if (result is not null && result.GetType() is { IsGenericType: true } resultType && resultType.GetGenericTypeDefinition() == typeof(ValueTask<>))
        {
            result = resultType.GetMethod(nameof(ValueTask<object>.AsTask))!.Invoke(result, null);
        }

        // No ConfigureAwait(false): an orchestrator must resume on the durable worker's own context, or its
        // result arrives after the worker has collected the episode's actions and the instance never completes.
        switch (result)
        {
            case Task task:
                await task;
                var type = task.GetType();
                return type.IsGenericType && type.GetGenericArguments()[0].Name != "VoidTaskResult"
                    ? type.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                    : null;
            case ValueTask valueTask:
                await valueTask;
                return null;
            default:
                return result;
        }
    }

    /// <summary>The value type a method produces: <c>T</c> for <c>Task&lt;T&gt;</c>, <c>object</c> for <c>Task</c>/<c>void</c>.</summary>
    public static Type ResultType(MethodInfo method)
    {
        ArgumentNullException.ThrowIfNull(method);
        var type = method.ReturnType;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
        {
            return type.GetGenericArguments()[0];
        }

        return type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask) ? typeof(object) : type;
    }

    /// <summary>Disposes a function class instance the host built, if it is disposable.</summary>
    public static async ValueTask DisposeInstanceAsync(object? instance)
    {
        if (instance is IAsyncDisposable asyncDisposable)
        {
            await asyncDisposable.DisposeAsync();
        }
        else if (instance is IDisposable disposable)
        {
            disposable.Dispose();
        }
    }
}
