using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Sexting.Core.Audit;
using Sexting.Core.Cases;
using Sexting.Core.Forces;
using Sexting.Core.Links;
using Sexting.Core.DataProtection;
using Sexting.Infrastructure.Configuration;
using Sexting.Infrastructure.DataProtection;

namespace Sexting.Infrastructure.Storage;

/// <summary>Registers the Table Storage adapters of the case store.</summary>
public static class TableStorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICaseStore"/>, <see cref="IOnceLedger"/>, <see cref="IDecisionLinkStore"/> and <see cref="IAuditLog"/>
    /// on Azure Table Storage, their options (section <c>Tables</c>), a named
    /// <see cref="TableServiceClient"/> through Microsoft.Extensions.Azure and the
    /// <see cref="StorageRequestCounter"/> in its pipeline.
    /// </summary>
    public static IServiceCollection AddTableStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);

        // BindConfiguration reads IConfiguration from the container; bind from the one given so
        // a caller's configuration wins even where none is registered.
        services.AddOptions<TableStorageOptions>()
            .Bind(configuration.GetSection(TableStorageOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !KeyVaultReference.IsUnresolved(o.IndexKey), KeyVaultReference.UnresolvedMessage("Tables:IndexKey"))
            .ValidateOnStart();

        services.TryAddSingleton<StorageRequestCounter>();
        services.AddAzureClients(clients => clients
            .AddClient<TableServiceClient, TableClientOptions>((clientOptions, provider) =>
            {
                clientOptions.AddPolicy(provider.GetRequiredService<StorageRequestCounter>(), HttpPipelinePosition.PerRetry);
                var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;

                // In Azure the setting is the table endpoint and the app signs in with its managed
                // identity (shared keys are off, docs/deploy.md); locally it is a connection string.
                return Uri.TryCreate(options.ConnectionString, UriKind.Absolute, out var endpoint) && endpoint.Scheme == Uri.UriSchemeHttps
                    ? new TableServiceClient(endpoint, new DefaultAzureCredential(), clientOptions)
                    : new TableServiceClient(options.ConnectionString, clientOptions);
            })
            .WithName(TableStorageOptions.ClientName));

        services.TryAddSingleton(TimeProvider.System);

        // The app registers the configured forces (contract §1); without them, the two built in.
        services.TryAddSingleton(ForceProfiles.BuiltIn);
        services.TryAddSingleton<StorageTables>();
        AddDataProtection(services, configuration);
        services.TryAddSingleton<PersonKeyHasher>();
        services.TryAddSingleton<CrimeRegister>();
        services.TryAddSingleton<PeopleIndex>();
        services.TryAddSingleton<DueIndex>();
        services.TryAddSingleton<CaseListIndex>();
        services.TryAddSingleton<TableCaseStore>();
        services.TryAddSingleton<ICaseStore>(sp => sp.GetRequiredService<TableCaseStore>());
        services.TryAddSingleton<ITimelineVerifier>(sp => sp.GetRequiredService<TableCaseStore>());
        services.TryAddSingleton<IOnceLedger, TableOnceLedger>();
        services.TryAddSingleton<TableDecisionLinkStore>();
        services.TryAddSingleton<IDecisionLinkStore>(sp => sp.GetRequiredService<TableDecisionLinkStore>());
        services.TryAddSingleton<ILinkHistory>(sp => sp.GetRequiredService<TableDecisionLinkStore>());
        services.TryAddSingleton<IAuditLog, TableAuditLog>();
        services.TryAddSingleton<IDataKeyRotation, TableDataKeyRotation>();
        return services;
    }

    // Contract §12: the key-encryption key (Key Vault in Azure, a development file locally), the data
    // keys of cases and the timeline's chain.
    private static void AddDataProtection(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DataProtectionOptions>()
            .Bind(configuration.GetSection(DataProtectionOptions.Section))
            .ValidateDataAnnotations()
            .Validate(o => !KeyVaultReference.IsUnresolved(o.TimelineKey), KeyVaultReference.UnresolvedMessage("DataProtection:TimelineKey"))
            .Validate(o => !o.UsesKeyVault || Uri.TryCreate(o.KeyUri, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps,
                "DataProtection:KeyUri must be the https URI of a Key Vault key (https://<vault>.vault.azure.net/keys/<name>).")
            .ValidateOnStart();
        services.TryAddSingleton<LocalKeyEncryptionKey>();
        services.TryAddSingleton<KeyVaultKeyEncryptionKey>();
        services.TryAddSingleton<IKeyEncryptionKey>(sp => sp.GetRequiredService<IOptions<DataProtectionOptions>>().Value.UsesKeyVault
            ? sp.GetRequiredService<KeyVaultKeyEncryptionKey>()
            : sp.GetRequiredService<LocalKeyEncryptionKey>());
        services.TryAddSingleton<CaseKeys>();
        services.TryAddSingleton<TimelineChain>();
    }
}
