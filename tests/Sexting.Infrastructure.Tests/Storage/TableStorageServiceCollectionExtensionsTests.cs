using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Sexting.Core.Cases;
using Sexting.Core.Links;
using Sexting.Infrastructure.Storage;
using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

[Collection(AzuriteCollection.Name)]
public sealed class TableStorageServiceCollectionExtensionsTests(AzuriteFixture azurite)
{
    [Fact]
    public void AddTableStorage_NoSettings_UsesSafeDefaults()
    {
        using var provider = Build([]);

        var options = provider.GetRequiredService<IOptions<TableStorageOptions>>().Value;

        Assert.Equal("UseDevelopmentStorage=true", options.ConnectionString);
        Assert.Equal(TableStorageOptions.DevelopmentIndexKey, options.IndexKey);
        Assert.Equal(string.Empty, options.TablePrefix);
        Assert.IsType<TableCaseStore>(provider.GetRequiredService<ICaseStore>());
        Assert.IsType<TableOnceLedger>(provider.GetRequiredService<IOnceLedger>());
        Assert.IsType<TableDecisionLinkStore>(provider.GetRequiredService<IDecisionLinkStore>());
    }

    [Theory]
    [InlineData("Tables:TablePrefix", "9starts-with-a-digit")]
    [InlineData("Tables:IndexKey", "")]
    [InlineData("Tables:ConnectionString", "")]
    public void AddTableStorage_InvalidSetting_FailsValidation(string key, string value)
    {
        using var provider = Build(new() { [key] = value });

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStorageOptions>>().Value);
    }

    [Theory]
    [InlineData("@Microsoft.KeyVault(SecretUri=https://kv-example.vault.azure.net/secrets/Tables--IndexKey/)")]
    [InlineData(" @microsoft.keyvault(VaultName=kv-example;SecretName=Tables--IndexKey)")]
    public void AddTableStorage_UnresolvedKeyVaultReference_FailsWithItsName(string value)
    {
        using var provider = Build(new() { ["Tables:IndexKey"] = value });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TableStorageOptions>>().Value);
        Assert.Contains("Tables:IndexKey is an unresolved Key Vault reference", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTableStorage_AzdGeneratedIndexKey_Accepted()
    {
        // azd's $(secretOrRandomPassword ...) makes 15 characters: 5 lower, 5 upper, 5 digits.
        using var provider = Build(new() { ["Tables:IndexKey"] = "abcdeFGHIJ12345" });

        Assert.Equal("abcdeFGHIJ12345", provider.GetRequiredService<IOptions<TableStorageOptions>>().Value.IndexKey);
    }

    [Fact]
    public async Task AddTableStorage_FirstUse_CreatesTableOncePerProcess()
    {
        await using var host = StorageHost.Create(azurite);
        var id = ReferralIds.NewRandom();

        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => host.Cases.GetAsync(id, default)));
        var first = host.Counter.Total;
        await host.Cases.GetAsync(id, default);

        Assert.Equal(6, first); // one creation, five reads
        Assert.Equal(7, host.Counter.Total);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings) =>
        new ServiceCollection()
            .AddLogging()
            .AddTableStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build())
            .BuildServiceProvider();
}
