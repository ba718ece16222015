using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Sexting.Functions;

namespace Sexting.LocalHost;

/// <summary>
/// The one place the local host composes the Functions app's own services, so both hosts
/// register the same ones: the Functions app's Program.cs and this method call the same extension.
/// </summary>
internal static class FunctionsAppServices
{
    public static IServiceCollection AddFunctionsAppServices(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        return services.AddSexting(configuration);
    }
}
