namespace Sexting.SystemTests.Reliability.SystemLevel;

/// <summary>
/// The process-level reliability tests measure throughput and kill processes: one test at a time
/// on two cores, after the parallel end-to-end collections (as their own assembly did before).
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SystemLevelCollection
{
    public const string Name = "Reliability: system level";
}
