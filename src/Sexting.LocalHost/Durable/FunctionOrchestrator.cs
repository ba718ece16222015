using Microsoft.DurableTask;
using Sexting.LocalHost.Functions;

namespace Sexting.LocalHost.Durable;

/// <summary>
/// Runs an orchestrator function's own method on the portable Durable Task worker. The input is
/// deserialised to the method's declared input parameter type (an <c>object</c> input would make
/// <c>GetInput&lt;T&gt;()</c> throw on this worker).
/// </summary>
internal sealed class FunctionOrchestrator : ITaskOrchestrator
{
    private readonly HostedFunction _function;
    private readonly int _inputPosition;

    public FunctionOrchestrator(HostedFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        _function = function;
        var parameters = function.Method.GetParameters();
        if (!function.Trigger.ParameterType.IsAssignableFrom(typeof(TaskOrchestrationContext)))
        {
            throw new NotSupportedException($"Orchestrator '{function.Name}': the trigger parameter must be a TaskOrchestrationContext.");
        }

        var others = parameters.Where(p => p.Position != function.Trigger.Position).ToList();
        if (others.Count > 1)
        {
            throw new NotSupportedException($"Orchestrator '{function.Name}' may take one input parameter besides its context.");
        }

        _inputPosition = others.Count == 1 ? others[0].Position : -1;
        InputType = others.Count == 1 ? others[0].ParameterType : typeof(object);
        OutputType = MethodInvoker.ResultType(function.Method);
    }

    public Type InputType { get; }

    public Type OutputType { get; }

    public Task<object?> RunAsync(TaskOrchestrationContext context, object? input)
    {
        var arguments = new object?[_function.Method.GetParameters().Length];
        arguments[_function.Trigger.Position] = context;
        if (_inputPosition >= 0)
        {
            arguments[_inputPosition] = input;
        }

        // Orchestrators hold no services (they must be deterministic), so an instance method needs only a parameterless constructor.
        var instance = _function.Method.IsStatic ? null : Activator.CreateInstance(_function.Method.DeclaringType!);
        return MethodInvoker.InvokeAsync(_function.Method, instance, arguments);
    }
}
