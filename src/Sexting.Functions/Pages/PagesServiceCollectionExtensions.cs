using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sexting.Core.Forces;
using Sexting.Functions.Pages.Decisions;
using Sexting.Functions.Pages.Intake;

namespace Sexting.Functions.Pages;

/// <summary>Registers the page layer: assets, layout and every page renderer (all stateless singletons).</summary>
public static class PagesServiceCollectionExtensions
{
    /// <summary>Adds the page assets and renderers (idempotent).</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton(ForceProfiles.BuiltIn); // the app registers its configured forces (contract §1)
        services.TryAddSingleton<IPageAssets, PageAssets>();
        services.TryAddSingleton<PageLayout>();
        services.TryAddSingleton<ReferralFormPage>();
        services.TryAddSingleton<ReceiptPage>();
        services.TryAddSingleton<ApprovalPage>();
        services.TryAddSingleton<ApprovalConfirmationPage>();
        services.TryAddSingleton<EducationPage>();
        services.TryAddSingleton<EducationConfirmationPage>();
        services.TryAddSingleton<LinkProblemPage>();
        services.TryAddSingleton<Cases.CasePage>();
        services.TryAddSingleton<Confirmation.ReporterConfirmationPage>();
        services.TryAddSingleton<Cases.CasesPage>();
        return services;
    }
}
