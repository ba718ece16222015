namespace Sexting.SystemTests.Browser.Preview;

/// <summary>The browser tests share one chromium and one server, and run one after another.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser: preview";
}
