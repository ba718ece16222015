// Process-level tests measure throughput and kill processes: one test at a time on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
