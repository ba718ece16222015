using Sexting.TestSupport;

namespace Sexting.Infrastructure.Tests.Storage;

/// <summary>Test classes that share one Azurite (started by the first, stopped after the last).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
