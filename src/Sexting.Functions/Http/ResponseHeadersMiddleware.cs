using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace Sexting.Functions.Http;

/// <summary>The Functions worker's hook for <see cref="ResponseHeaders"/> on every HTTP function (ASP.NET Core integration).</summary>
public sealed class ResponseHeadersMiddleware : IFunctionsWorkerMiddleware
{
    public Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is { } http)
        {
            ResponseHeaders.ApplyOnStarting(http);
        }

        return next(context);
    }
}
