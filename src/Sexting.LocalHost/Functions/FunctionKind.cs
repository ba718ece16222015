namespace Sexting.LocalHost.Functions;

/// <summary>The triggers the local host can host, exactly those the Functions app uses.</summary>
internal enum FunctionKind
{
    Http,
    Orchestrator,
    Activity,
    Timer,
}
