using System.Reflection;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Extensions.Abstractions;

namespace Sexting.LocalHost.Functions;

/// <summary>
/// The <c>[Function]</c> methods of the given assemblies, read from their attributes the way
/// the Functions host reads them. A trigger the local host cannot host fails discovery, so a
/// new kind of function cannot be silently left out of the local run.
/// </summary>
internal sealed class FunctionCatalog
{
    private FunctionCatalog(IReadOnlyList<HostedFunction> functions) => Functions = functions;

    public IReadOnlyList<HostedFunction> Functions { get; }

    public IEnumerable<HostedFunction> OfKind(FunctionKind kind) => Functions.Where(f => f.Kind == kind);

    /// <summary>Every <c>[Function]</c> method of every type in the assemblies.</summary>
    public static FunctionCatalog Discover(IEnumerable<Assembly> assemblies)
    {
        ArgumentNullException.ThrowIfNull(assemblies);
        return Discover(assemblies.Distinct().SelectMany(a => a.GetTypes()));
    }

    /// <summary>Every <c>[Function]</c> method of the given types.</summary>
    public static FunctionCatalog Discover(IEnumerable<Type> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        var found = new List<HostedFunction>();
        foreach (var type in types.Distinct())
        {
            const BindingFlags Flags = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var method in type.GetMethods(Flags))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is { } function)
                {
                    found.Add(Describe(function.Name, method));
                }
            }
        }

        var duplicates = found.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidOperationException($"Function names must be unique: {string.Join(", ", duplicates)}.");
        }

        return new FunctionCatalog(found.OrderBy(f => f.Name, StringComparer.Ordinal).ToList());
    }

    private static HostedFunction Describe(string name, MethodInfo method)
    {
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<TriggerBindingAttribute>()))
            .Where(t => t.Attribute is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            throw new NotSupportedException($"Function '{name}' must have exactly one trigger parameter; it has {triggers.Count}.");
        }

        var (parameter, attribute) = triggers[0];
        return attribute switch
        {
            HttpTriggerAttribute http => new HostedFunction(
                name, FunctionKind.Http, method, parameter,
                Route: string.IsNullOrWhiteSpace(http.Route) ? null : http.Route,
                HttpMethods: http.Methods?.Select(m => m.ToUpperInvariant()).ToArray() ?? [],
                AuthLevel: http.AuthLevel),
            OrchestrationTriggerAttribute => new HostedFunction(name, FunctionKind.Orchestrator, method, parameter),
            ActivityTriggerAttribute => new HostedFunction(name, FunctionKind.Activity, method, parameter),
            TimerTriggerAttribute timer => new HostedFunction(
                name, FunctionKind.Timer, method, parameter, Schedule: timer.Schedule, RunOnStartup: timer.RunOnStartup),
            _ => throw new NotSupportedException(
                $"Function '{name}' uses {attribute!.GetType().Name}, which the local host does not host. Add support in Sexting.LocalHost."),
        };
    }
}
