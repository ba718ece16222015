using Sexting.TestSupport;

namespace Sexting.Functions.Tests.Azurite;

/// <summary>
/// The test classes of this assembly that run the app's services over Azurite: one Azurite for all of
/// them (started by the first, stopped after the last), and one class at a time, as before the move.
/// </summary>
[CollectionDefinition(Name)]
public sealed class AzuriteCollection : ICollectionFixture<AzuriteFixture>
{
    public const string Name = "Azurite";
}
