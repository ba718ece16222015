using Sexting.TestSupport;

namespace Sexting.SystemTests.Reliability.Support;

/// <summary>
/// Test classes that share the default Azurite (started by the first, stopped after the last).
/// Not parallel: these tests time and flood the store, one at a time after the end-to-end collections.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Reliability: Azurite";
}
