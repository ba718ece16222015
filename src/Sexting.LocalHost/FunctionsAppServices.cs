using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Sexting.LocalHost;

/// <summary>
/// The one place the local host composes the Functions app's own services, so both hosts
/// register the same ones. The Functions app's Program.cs and this method call the same extension.
/// </summary>
public static class FunctionsAppServices
{
    public static IServiceCollection AddFunctionsAppServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // The integrator adds here, when the workflow lands, the call the Functions app's Program.cs makes:
        //   services.AddSextingWorkflow(configuration);
        return services;
    }
}
