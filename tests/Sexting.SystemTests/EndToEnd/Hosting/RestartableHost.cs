namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>A product instance for restart tests; with <c>persistAzurite</c> its Azurite keeps its data on disk, as scripts/run.sh does.</summary>
public sealed class RestartableHost(bool persistAzurite)
    : WorkflowHost(persistAzurite ? "restart-azurite" : "restart-host", persistAzurite);
