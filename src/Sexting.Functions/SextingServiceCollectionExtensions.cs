using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sexting.Infrastructure.Email;
using Sexting.Infrastructure.Storage;

namespace Sexting.Functions;

/// <summary>
/// The one composition root of the app's services, called by the Functions host (Program.cs) and
/// by the local host alike, so both run the same code with the same configuration.
/// </summary>
public static class SextingServiceCollectionExtensions
{
    /// <summary>Registers the workflow (with its pages), the Table Storage store and email.</summary>
    public static IServiceCollection AddSexting(this IServiceCollection services, IConfiguration configuration) =>
        services
            // The Azure SDK logs every storage request at Information: noise that buries the
            // workflow's own log lines (which carry referral ids only, never personal data).
            .AddLogging(logging => logging.AddFilter("Azure.Core", LogLevel.Warning).AddFilter("Azure.Identity", LogLevel.Warning))
            .AddSextingWorkflow(configuration)
            .AddTableStorage(configuration)
            .AddEmail(configuration);
}
