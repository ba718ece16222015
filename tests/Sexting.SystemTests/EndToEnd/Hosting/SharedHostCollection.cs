namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>One product instance with the default settings, shared by the scenarios that need nothing special (one host start, not one per class).</summary>
[CollectionDefinition(Name)]
public sealed class SharedHostCollection : ICollectionFixture<WorkflowHost>
{
    public const string Name = "Shared local host";
}
