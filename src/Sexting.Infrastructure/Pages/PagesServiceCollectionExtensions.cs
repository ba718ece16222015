using Microsoft.Extensions.DependencyInjection;
using Sexting.Infrastructure.Pages.Decisions;
using Sexting.Infrastructure.Pages.Intake;

namespace Sexting.Infrastructure.Pages;

/// <summary>Registers the page layer: assets, layout and every page renderer (all stateless singletons).</summary>
public static class PagesServiceCollectionExtensions
{
    /// <summary>Adds the page assets and renderers.</summary>
    public static IServiceCollection AddPages(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IPageAssets, PageAssets>();
        services.AddSingleton<PageLayout>();
        services.AddSingleton<ReferralFormPage>();
        services.AddSingleton<ReceiptPage>();
        services.AddSingleton<ApprovalPage>();
        services.AddSingleton<ApprovalConfirmationPage>();
        services.AddSingleton<EducationPage>();
        services.AddSingleton<EducationConfirmationPage>();
        services.AddSingleton<LinkProblemPage>();
        return services;
    }
}
