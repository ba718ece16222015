namespace Sexting.BrowserTests.RealApp;

/// <summary>The tests against the real app share one Azurite, one local host and one chromium.</summary>
[CollectionDefinition(Name)]
public sealed class RealAppCollection : ICollectionFixture<RealAppFixture>
{
    public const string Name = "RealApp";
}
