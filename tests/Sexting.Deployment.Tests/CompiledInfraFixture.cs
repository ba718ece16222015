using Sexting.Deployment.Tests.Arm;
using Sexting.Deployment.Tests.Bicep;

namespace Sexting.Deployment.Tests;

/// <summary>Compiles infra/main.bicep once for every test of the collection.</summary>
public sealed class CompiledInfraFixture : IAsyncLifetime
{
    private BicepBuildResult? _build;

    internal BicepBuildResult Build => _build ?? throw new InvalidOperationException("Not built yet.");

    /// <summary>The compiled template; fails the calling test with Bicep's output if the build was not clean.</summary>
    internal ArmTemplate Template
    {
        get
        {
            Assert.True(Build.IsClean, "bicep build infra/main.bicep was not clean:\n" + Build.Output);
            return ArmTemplate.Parse(Build.Json!);
        }
    }

    public async Task InitializeAsync() => _build = await BicepCli.BuildAsync(RepoPaths.Infra("main.bicep"));

    public Task DisposeAsync() => Task.CompletedTask;
}
