using DurableTask.Core;

namespace Sexting.Bench.Minimal;

/// <summary>An "email" that costs nothing outside the engine, so only the engine's transactions count.</summary>
internal sealed class MinimalNotify : TaskActivity<string, string>
{
    protected override string Execute(TaskContext context, string input) => input;
}
