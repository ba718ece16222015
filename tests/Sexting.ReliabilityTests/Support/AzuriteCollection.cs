using Sexting.TestSupport;

namespace Sexting.ReliabilityTests.Support;

/// <summary>Test classes that share the default Azurite (started by the first, stopped after the last).</summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
