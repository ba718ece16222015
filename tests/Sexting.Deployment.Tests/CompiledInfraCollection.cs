namespace Sexting.Deployment.Tests;

[CollectionDefinition(Name)]
public sealed class CompiledInfraCollection : ICollectionFixture<CompiledInfraFixture>
{
    public const string Name = "Compiled infra/main.bicep";
}
