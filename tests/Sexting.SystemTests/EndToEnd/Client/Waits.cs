namespace Sexting.SystemTests.EndToEnd.Client;

/// <summary>Bounded waits: poll often, never sleep long.</summary>
public static class Waits
{
    /// <summary>Long enough for a workflow step on a busy two-core machine, short enough to fail fast.</summary>
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(45);

    public static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(100);
}
