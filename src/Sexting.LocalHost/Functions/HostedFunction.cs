using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Sexting.LocalHost.Functions;

/// <summary>
/// One <c>[Function]</c> method found by reflection, with what its trigger attribute says.
/// Route, methods and auth level are set for HTTP functions; schedule for timers.
/// </summary>
internal sealed record HostedFunction(
    string Name,
    FunctionKind Kind,
    MethodInfo Method,
    ParameterInfo Trigger,
    string? Route = null,
    IReadOnlyList<string>? HttpMethods = null,
    AuthorizationLevel AuthLevel = AuthorizationLevel.Anonymous,
    string? Schedule = null,
    bool RunOnStartup = false)
{
    /// <summary>The path the Functions host serves an HTTP function on: <c>/api/{Route ?? Name}</c>.</summary>
    public string RoutePattern => "/api/" + (Route ?? Name).TrimStart('/');
}
