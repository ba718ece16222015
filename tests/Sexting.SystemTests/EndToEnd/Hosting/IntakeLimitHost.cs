namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>
/// A product instance that takes 3 referrals per client address in a 10 s window (contract §11
/// <c>Intake:PermitsPerMinute</c>; the window is shortened so recovery is quick to see, and long enough
/// that a test's burst and the form post after it fall in one window on a loaded 2-core machine: with
/// 4 s, a CI run saw the form post land in the next window and answer 400).
/// </summary>
public sealed class IntakeLimitHost : WorkflowHost
{
    public const int Permits = 3;

    /// <summary>The limiter's window.</summary>
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(10);

    public IntakeLimitHost()
        : base("intake-limit", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Intake__PermitsPerMinute"] = "3",
        ["Intake__Window"] = "00:00:10",
    };
}
