using Sexting.Deployment.Tests.Bicep;
using Xunit.Abstractions;

namespace Sexting.Deployment.Tests;

[Collection(CompiledInfraCollection.Name)]
public sealed class BicepBuildTests(CompiledInfraFixture infra, ITestOutputHelper output)
{
    [Fact]
    public void Build_MainBicep_CompilesWithNoDiagnosticAtAll()
    {
        output.WriteLine($"bicep build infra/main.bicep: exit {infra.Build.ExitCode}, {infra.Build.Diagnostics.Count} diagnostics, {infra.Build.Elapsed.TotalSeconds:F1} s");

        Assert.True(infra.Build.IsClean, infra.Build.Output);
    }

    [Fact]
    public async Task Build_TypeWarning_CountsAsFailure()
    {
        // Bicep exits 0 on a type warning; the test must still fail on it.
        var result = await BuildScratchAsync("""
            param location string = resourceGroup().location
            resource sa 'Microsoft.Storage/storageAccounts@2025-01-01' = {
              name: 'stscratch'
              location: location
              sku: { name: 'Standard_LRS' }
              kind: 'StorageV2'
              properties: { notAStorageProperty: true }
            }
            """);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d is { Level: "Warning", Code: "BCP037" });
        Assert.False(result.IsClean);
    }

    [Fact]
    public async Task Build_LinterFinding_IsAnErrorUnderTheInfraConfig()
    {
        var result = await BuildScratchAsync("""
            param unused string
            output value string = 'x'
            """);

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains(result.Diagnostics, d => d is { Level: "Error", Code: "no-unused-params" });
    }

    // A scratch file next to a copy of infra/bicepconfig.json, so it compiles under the same rules.
    private static async Task<BicepBuildResult> BuildScratchAsync(string bicep)
    {
        var dir = Directory.CreateTempSubdirectory("sexting-bicep-scratch-");
        try
        {
            File.Copy(RepoPaths.Infra("bicepconfig.json"), Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "scratch.bicep");
            await File.WriteAllTextAsync(file, bicep);
            return await BicepCli.BuildAsync(file);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
