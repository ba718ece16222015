using System.ComponentModel;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Functions.Staff;
using Sexting.LocalHost.Functions;

namespace Sexting.LocalHost.Http;

/// <summary>
/// Maps each HTTP function to <c>/api/{Route}</c> for its methods and calls the very same method:
/// the class built with constructor injection, <see cref="HttpRequest"/>, <see cref="DurableTaskClient"/>,
/// route values by parameter name and the request's <see cref="CancellationToken"/> passed in.
/// </summary>
internal static class HttpFunctionEndpoints
{
    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, FunctionCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var function in catalog.OfKind(FunctionKind.Http))
        {
            RequestDelegate handler = context => InvokeAsync(context, function);
            var endpoint = function.HttpMethods is { Count: > 0 } methods
                ? endpoints.MapMethods(function.RoutePattern, methods, handler)
                : endpoints.Map(function.RoutePattern, handler);
            endpoint.WithDisplayName(function.Name).WithMetadata(function);
        }

        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext context, HostedFunction function)
    {
        var services = context.RequestServices;
        if (function.AuthLevel != AuthorizationLevel.Anonymous && !services.GetRequiredService<FunctionKeyCheck>().IsAuthorized(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var method = function.Method;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(p => Bind(p, function, context)).ToArray();
            var result = await MethodInvoker.InvokeAsync(method, instance, arguments);
            var action = result as IActionResult ?? (result is null ? new NoContentResult() : new ObjectResult(result));
            await action.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
        finally
        {
            await MethodInvoker.DisposeInstanceAsync(instance);
        }
    }

    private static object? Bind(System.Reflection.ParameterInfo parameter, HostedFunction function, HttpContext context)
    {
        if (parameter.Position == function.Trigger.Position)
        {
            return parameter.ParameterType.IsAssignableFrom(typeof(HttpRequest))
                ? context.Request
                : throw new NotSupportedException($"Function '{function.Name}': the HTTP trigger parameter must be an HttpRequest.");
        }

        if (parameter.ParameterType == typeof(CancellationToken))
        {
            return context.RequestAborted;
        }

        if (parameter.ParameterType == typeof(DurableTaskClient))
        {
            return context.RequestServices.GetRequiredService<DurableTaskClient>();
        }

        // Other parameters bind from the trigger's data by name, as in Azure: route values, then the query string.
        var raw = context.GetRouteValue(parameter.Name!)?.ToString() ?? context.Request.Query[parameter.Name!].FirstOrDefault();
        if (raw is null)
        {
            return parameter.HasDefaultValue ? parameter.DefaultValue : null;
        }

        var target = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return target == typeof(string) ? raw : TypeDescriptor.GetConverter(target).ConvertFromString(null, CultureInfo.InvariantCulture, raw);
    }
}
