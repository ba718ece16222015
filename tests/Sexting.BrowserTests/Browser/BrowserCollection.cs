namespace Sexting.BrowserTests.Browser;

/// <summary>The browser tests share one chromium and one server, and run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
