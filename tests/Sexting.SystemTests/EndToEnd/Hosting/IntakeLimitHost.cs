namespace Sexting.SystemTests.EndToEnd.Hosting;

/// <summary>A product instance that takes 3 referrals per client address in a 4 s window (contract §11 <c>Intake:PermitsPerMinute</c>; the window is shortened so recovery is quick to see).</summary>
public sealed class IntakeLimitHost : WorkflowHost
{
    public const int Permits = 3;

    public IntakeLimitHost()
        : base("intake-limit", persistAzurite: false)
    {
    }

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Intake__PermitsPerMinute"] = "3",
        ["Intake__Window"] = "00:00:04",
    };
}
