namespace Sexting.SystemTests.Browser.RealApp;

/// <summary>The tests against the real app share one Azurite, one local host and one chromium, and run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealAppCollection : ICollectionFixture<RealAppFixture>
{
    public const string Name = "Browser: real app";
}
