using Sexting.TestSupport.Processes;

namespace Sexting.LocalHost.Tests.Support;

/// <summary>
/// Azurite in memory on ports of its own (10100-10102), so these tests never meet another
/// test run using the default ports. Started once for the collection and stopped by its PID.
/// </summary>
public sealed class AzuriteFixture() : AzuriteProcessFixture(new AzuriteOptions { Ports = new AzuritePortSet(10100, 10101, 10102), Name = "azurite (local host tests)" });
