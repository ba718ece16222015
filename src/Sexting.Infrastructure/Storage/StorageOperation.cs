namespace Sexting.Infrastructure.Storage;

/// <summary>
/// Names the store operation in progress on the current async flow, so that
/// <see cref="StorageRequestCounter"/> can attribute each storage request to it.
/// </summary>
public static class StorageOperation
{
    private static readonly AsyncLocal<string?> CurrentName = new();

    /// <summary>The operation in progress, or null.</summary>
    public static string? Current => CurrentName.Value;

    /// <summary>
    /// Marks the start of an operation; disposing the result restores the previous one. An
    /// operation called from inside another keeps the outer name, so a composite operation is
    /// counted as a whole.
    /// </summary>
    public static IDisposable Begin(string name)
    {
        var previous = CurrentName.Value;
        if (previous is null)
        {
            CurrentName.Value = name;
        }

        return new Restore(previous);
    }

    private sealed class Restore(string? previous) : IDisposable
    {
        public void Dispose() => CurrentName.Value = previous;
    }
}
